import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PhoneNumber, Queue, Trunk } from '../api/types';
import { adminPlatform, apiCalls, page, type Route } from '../test/adminPlatform';
import { json, noContent, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';
import { confirmer } from './confirm';
import { trunkFormErrors } from './TrunkForm';

const CARRIER: Trunk = {
  id: 'tr-carrier',
  name: 'Acme Carrier',
  kind: 'CARRIER',
  host: 'sip.carrier.test',
  port: 5060,
  transport: 'UDP',
  username: 'acme',
  hasPassword: true,
  register: true,
  registerExpiresSeconds: 3600,
  allowedIps: ['203.0.113.0/24'],
  failoverHosts: ['sip2.carrier.test:5080'],
  callerId: '+15551230000',
  maxChannels: 30,
  enabled: true,
  createdAt: '2025-03-01T10:00:00Z',
  updatedAt: '2025-03-01T10:00:00Z',
};

const PBX: Trunk = {
  id: 'tr-pbx',
  name: 'Office PBX',
  kind: 'PBX',
  host: '2001:db8::10',
  port: 5061,
  transport: 'TLS',
  username: null,
  hasPassword: false,
  register: false,
  registerExpiresSeconds: 3600,
  allowedIps: ['198.51.100.7'],
  failoverHosts: [],
  callerId: null,
  maxChannels: 10,
  enabled: false,
  createdAt: '2025-03-01T10:00:00Z',
  updatedAt: '2025-03-01T10:00:00Z',
};

function queue(id: string, name: string): Queue {
  return {
    id,
    name,
    strategy: 'LONGEST_IDLE',
    requiredSkills: {},
    priority: 0,
    maxWaitSeconds: 0,
    overflowQueueId: null,
    wrapUpSeconds: 0,
    serviceLevelSeconds: 20,
    offerTimeoutSeconds: 20,
    relaxAfterSeconds: 0,
    relaxStep: 1,
    recordCalls: false,
  };
}

const QUEUES = [queue('q-sales', 'Sales'), queue('q-support', 'Support')];

const MAIN_LINE: PhoneNumber = {
  id: 'n-main',
  e164: '+15551230000',
  name: 'Main line',
  trunkId: 'tr-carrier',
  target: { type: 'QUEUE', queueId: 'q-sales' },
  createdAt: '2025-03-01T10:00:00Z',
  updatedAt: '2025-03-01T10:00:00Z',
};

/** Trunks, numbers and queues kept in memory. */
function telephonyApi(overrides: Record<string, Route> = {}, roles?: string[]) {
  let trunks: Trunk[] = [CARRIER, PBX];
  let numbers: PhoneNumber[] = [MAIN_LINE];
  return adminPlatform(
    {
      'GET /api/v1/trunks': () => page(trunks),
      'GET /api/v1/numbers': () => page(numbers),
      'GET /api/v1/queues': () => page(QUEUES),
      'POST /api/v1/trunks': (call: Call) => {
        const body = call.body as Record<string, unknown>;
        const { password, ...rest } = body;
        const created: Trunk = {
          ...PBX,
          allowedIps: [],
          ...(rest as Partial<Trunk>),
          hasPassword: typeof password === 'string',
          id: 'tr-new',
        };
        trunks = [...trunks, created];
        return json(201, created);
      },
      'PATCH /api/v1/trunks/tr-carrier': (call: Call) => {
        const body = call.body as Record<string, unknown>;
        const { password, ...rest } = body;
        const current = trunks.find((t) => t.id === 'tr-carrier')!;
        const updated: Trunk = {
          ...current,
          ...(rest as Partial<Trunk>),
          hasPassword: password === null ? false : password !== undefined ? true : current.hasPassword,
        };
        trunks = trunks.map((t) => (t.id === updated.id ? updated : t));
        return json(200, updated);
      },
      'DELETE /api/v1/trunks/tr-pbx': () => {
        trunks = trunks.filter((t) => t.id !== 'tr-pbx');
        return noContent();
      },
      'POST /api/v1/numbers': (call: Call) => {
        const created: PhoneNumber = { ...MAIN_LINE, name: null, trunkId: null, ...(call.body as Partial<PhoneNumber>), id: 'n-new' };
        numbers = [...numbers, created];
        return json(201, created);
      },
      'PATCH /api/v1/numbers/n-main': (call: Call) => {
        const updated: PhoneNumber = { ...numbers.find((n) => n.id === 'n-main')!, ...(call.body as Partial<PhoneNumber>) };
        numbers = numbers.map((n) => (n.id === updated.id ? updated : n));
        return json(200, updated);
      },
      'DELETE /api/v1/numbers/n-main': () => {
        numbers = numbers.filter((n) => n.id !== 'n-main');
        return noContent();
      },
      ...overrides,
    },
    roles,
  );
}

async function openNumbers(overrides?: Record<string, Route>, roles: string[] = ['ADMIN']) {
  const view = renderApp(telephonyApi(overrides, roles), { path: '/admin/numbers', session: sessionWith({ roles }) });
  await screen.findByTestId('trunk-row-tr-carrier');
  return view;
}

describe('numbers & trunks section', () => {
  it('lists the trunks and the numbers with their trunk and queue by name', async () => {
    const { calls } = await openNumbers();
    const carrier = screen.getByTestId('trunk-row-tr-carrier');
    expect(carrier).toHaveTextContent('Acme Carrier');
    expect(carrier).toHaveTextContent('CARRIER');
    expect(carrier).toHaveTextContent('sip.carrier.test:5060');
    expect(carrier).toHaveTextContent('UDP');
    expect(carrier).toHaveTextContent('failover: sip2.carrier.test:5080');
    expect(carrier).toHaveTextContent('1 allowed IP: 203.0.113.0/24');
    expect(carrier).toHaveTextContent('acme password set');
    expect(carrier).toHaveTextContent('Every 3600 s');
    expect(carrier).toHaveTextContent('+15551230000');
    const pbx = screen.getByTestId('trunk-row-tr-pbx');
    // an IPv6 host in brackets, and the trunk marked disabled
    expect(pbx).toHaveTextContent('[2001:db8::10]:5061');
    expect(pbx).toHaveTextContent('disabled');
    expect(pbx).not.toHaveTextContent('password');

    const line = screen.getByTestId('number-row-n-main');
    expect(line).toHaveTextContent('+15551230000');
    expect(line).toHaveTextContent('Main line');
    expect(line).toHaveTextContent('Acme Carrier');
    expect(line).toHaveTextContent('Queue Sales');
    expect(
      apiCalls(calls)
        .map((c) => `${c.method} ${c.path}`)
        .sort(),
    ).toEqual(['GET /api/v1/numbers?limit=100', 'GET /api/v1/queues?limit=100', 'GET /api/v1/trunks?limit=100']);
    expect(calls.every((c) => c.authorization === 'Bearer access-1')).toBe(true);
  });

  it('connects a trunk with every field, one IP and host per line', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('trunk-name'), '  Backup carrier ');
    await user.selectOptions(screen.getByTestId('trunk-kind'), 'CARRIER');
    await user.type(screen.getByTestId('trunk-host'), 'sip.backup.test');
    await user.type(screen.getByTestId('trunk-port'), '5070');
    await user.selectOptions(screen.getByTestId('trunk-transport'), 'TCP');
    await user.type(screen.getByTestId('trunk-username'), 'acme-2');
    await user.type(screen.getByTestId('trunk-password'), 's3cret!');
    await user.click(screen.getByTestId('trunk-register'));
    await user.type(screen.getByTestId('trunk-register-expires'), '600');
    await user.type(screen.getByTestId('trunk-allowed-ips'), '192.0.2.1{Enter}{Enter}  2001:db8::/32  {Enter}');
    await user.type(screen.getByTestId('trunk-failover-hosts'), 'sip3.backup.test{Enter}[[2001:db8::1]:5060');
    await user.type(screen.getByTestId('trunk-caller-id'), '+15559870000');
    await user.type(screen.getByTestId('trunk-max-channels'), '20');
    await user.click(screen.getByTestId('trunk-submit'));

    expect(await screen.findByTestId('trunk-form-success')).toHaveTextContent('Connected the trunk Backup carrier.');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/v1/trunks',
      body: {
        name: 'Backup carrier',
        kind: 'CARRIER',
        host: 'sip.backup.test',
        port: 5070,
        transport: 'TCP',
        username: 'acme-2',
        password: 's3cret!',
        register: true,
        registerExpiresSeconds: 600,
        allowedIps: ['192.0.2.1', '2001:db8::/32'],
        failoverHosts: ['sip3.backup.test', '[2001:db8::1]:5060'],
        callerId: '+15559870000',
        maxChannels: 20,
        enabled: true,
      },
    });
    const row = screen.getByTestId('trunk-row-tr-new');
    expect(row).toHaveTextContent('Backup carrier');
    expect(row).toHaveTextContent('acme-2 password set');
    // the form is empty again, the password too
    expect(screen.getByTestId('trunk-name')).toHaveValue('');
    expect(screen.getByTestId('trunk-password')).toHaveValue('');
  });

  it('sends only the required fields of a trunk and leaves the rest to the server', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('trunk-name'), 'Minimal');
    await user.type(screen.getByTestId('trunk-host'), '192.0.2.50');
    await user.type(screen.getByTestId('trunk-allowed-ips'), '192.0.2.50');
    await user.click(screen.getByTestId('trunk-submit'));
    await screen.findByTestId('trunk-form-success');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Minimal',
      kind: 'CARRIER',
      host: '192.0.2.50',
      transport: 'UDP',
      register: false,
      enabled: true,
      allowedIps: ['192.0.2.50'],
    });
  });

  it('shows the server’s field errors of a refused trunk next to its fields, line by line', async () => {
    const { calls } = await openNumbers({
      'POST /api/v1/trunks': () =>
        problem(400, {
          title: 'Invalid input',
          detail: 'The trunk is not valid.',
          code: 'validation',
          errors: [
            { field: 'host', message: 'a host name or IP address (no scheme, port or spaces; at most 253 characters)' },
            { field: 'allowedIps[1]', message: 'an IPv4 or IPv6 address or CIDR block' },
            { field: 'failoverHosts[0]', message: 'host or host:port ([IPv6]:port), port 1 to 65535' },
            { field: 'request.maxChannels', message: 'must be 1 to 10000' },
            { field: 'codec', message: 'is not supported' },
          ],
        }),
    });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('trunk-name'), 'Broken');
    await user.type(screen.getByTestId('trunk-host'), 'sip.-bad-.test');
    await user.type(screen.getByTestId('trunk-allowed-ips'), '192.0.2.1{Enter}10.0.0.0/99');
    await user.type(screen.getByTestId('trunk-failover-hosts'), 'backup.test:99999');
    await user.type(screen.getByTestId('trunk-max-channels'), '10000');
    await user.click(screen.getByTestId('trunk-submit'));

    const message = await screen.findByTestId('trunk-form-error');
    expect(message).toHaveTextContent('The trunk is not valid.');
    // a field the form has no input for is listed with the detail
    expect(message).toHaveTextContent('codec: is not supported');
    expect(screen.getByTestId('trunk-host-error')).toHaveTextContent('a host name or IP address (no scheme, port or spaces');
    expect(screen.getByTestId('trunk-allowed-ips-error')).toHaveTextContent('Line 2: an IPv4 or IPv6 address or CIDR block');
    expect(screen.getByTestId('trunk-failover-hosts-error')).toHaveTextContent('Line 1: host or host:port');
    expect(screen.getByTestId('trunk-max-channels-error')).toHaveTextContent('must be 1 to 10000');
    expect(screen.getByTestId('trunk-allowed-ips')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('trunk-allowed-ips')).toHaveAttribute('aria-describedby', 'trunk-allowed-ips-hint trunk-allowed-ips-error');
    // the form keeps what was typed
    expect(screen.getByTestId('trunk-name')).toHaveValue('Broken');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(screen.queryByTestId('trunk-form-success')).not.toBeInTheDocument();
  });

  it('catches obvious mistakes before sending a trunk', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('trunk-host'), 'sip://carrier.test');
    await user.type(screen.getByTestId('trunk-allowed-ips'), '192.0.2.1{Enter}carrier.test{Enter}300.1.1.1');
    await user.type(screen.getByTestId('trunk-username'), 'acme');
    await user.type(screen.getByTestId('trunk-caller-id'), 'reception');
    await user.click(screen.getByTestId('trunk-submit'));

    expect(await screen.findByTestId('trunk-form-error')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.getByTestId('trunk-name-error')).toHaveTextContent('Enter a name.');
    expect(screen.getByTestId('trunk-host-error')).toHaveTextContent('without scheme');
    expect(screen.getByTestId('trunk-allowed-ips-error')).toHaveTextContent(
      'Line 2: “carrier.test” is not an IP address or CIDR block. · Line 3: “300.1.1.1” is not an IP address or CIDR block.',
    );
    expect(screen.getByTestId('trunk-password-error')).toHaveTextContent('Enter the password that goes with the username.');
    expect(screen.getByTestId('trunk-caller-id-error')).toHaveTextContent('E.164');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('keeps the password write-only on edit: empty keeps it, a new one replaces it', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('trunk-edit-tr-carrier'));

    const form = screen.getByTestId('trunk-form');
    expect(within(form).getByRole('heading')).toHaveTextContent('Edit Acme Carrier');
    expect(screen.getByTestId('trunk-name')).toHaveFocus();
    expect(screen.getByTestId('trunk-username')).toHaveValue('acme');
    // the stored password is never shown
    expect(screen.getByTestId('trunk-password')).toHaveValue('');
    expect(screen.getByTestId('trunk-password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('trunk-password-status')).toHaveTextContent('A password is set. Leave this empty to keep it.');
    expect(screen.getByTestId('trunk-allowed-ips')).toHaveValue('203.0.113.0/24');
    expect(screen.getByTestId('trunk-register')).toBeChecked();
    expect(screen.getByTestId('trunk-register-expires')).toHaveValue(3600);

    // a change without a new password: no password in the PATCH
    await user.clear(screen.getByTestId('trunk-max-channels'));
    await user.type(screen.getByTestId('trunk-max-channels'), '40');
    await user.click(screen.getByTestId('trunk-submit'));
    expect(await screen.findByTestId('trunks-notice')).toHaveTextContent('Saved the changes to Acme Carrier.');
    const first = calls.filter((c) => c.method === 'PATCH');
    expect(first.map((c) => c.path)).toEqual(['/api/v1/trunks/tr-carrier']);
    expect(first[0].body).toEqual({ maxChannels: 40 });
    expect(screen.getByTestId('trunk-row-tr-carrier')).toHaveTextContent('40');

    // a new password replaces the stored one
    await user.click(screen.getByTestId('trunk-edit-tr-carrier'));
    await user.type(screen.getByTestId('trunk-password'), 'n3w-secret');
    await user.click(screen.getByTestId('trunk-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PATCH')[1].body).toEqual({ password: 'n3w-secret' });
  });

  it('removes a trunk’s username and password together when asked', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('trunk-edit-tr-carrier'));
    await user.click(screen.getByTestId('trunk-register'));
    await user.click(screen.getByTestId('trunk-clear-credentials'));
    expect(screen.getByTestId('trunk-username')).toBeDisabled();
    expect(screen.getByTestId('trunk-password')).toBeDisabled();
    await user.click(screen.getByTestId('trunk-submit'));

    await screen.findByTestId('trunks-notice');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ username: null, password: null, register: false });
    const row = screen.getByTestId('trunk-row-tr-carrier');
    expect(row).not.toHaveTextContent('password set');
  });

  it('does not send an edit that changes nothing', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('trunk-edit-tr-pbx'));
    // a trunk without credentials has nothing to remove
    expect(screen.queryByTestId('trunk-clear-credentials')).not.toBeInTheDocument();
    expect(screen.getByTestId('trunk-password-status')).toHaveTextContent('No password is set.');
    await user.click(screen.getByTestId('trunk-submit'));
    expect(await screen.findByTestId('trunk-form-success')).toHaveTextContent('Nothing to save');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('deletes a trunk after confirmation, and says clearly when a number still uses it', async () => {
    const confirm = vi.spyOn(confirmer, 'confirm').mockReturnValue(true);
    const { calls } = await openNumbers({
      'DELETE /api/v1/trunks/tr-carrier': () =>
        problem(409, { title: 'Conflict', code: 'trunk-in-use', detail: 'A phone number uses the trunk.' }),
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('trunk-delete-tr-carrier'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete the trunk Acme Carrier?'));
    const error = await screen.findByTestId('trunks-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent(
      'The trunk Acme Carrier is in use and was not deleted: A phone number uses the trunk. It is the trunk of +15551230000. Move its numbers to another trunk, or remove them, first.',
    );
    expect(screen.getByTestId('trunk-row-tr-carrier')).toBeInTheDocument();

    await user.click(screen.getByTestId('trunk-delete-tr-pbx'));
    await waitFor(() => expect(screen.queryByTestId('trunk-row-tr-pbx')).not.toBeInTheDocument());
    expect(screen.getByTestId('trunks-notice')).toHaveTextContent('Deleted the trunk Office PBX.');
    expect(screen.queryByTestId('trunks-error')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/v1/trunks/tr-carrier',
      '/api/v1/trunks/tr-pbx',
    ]);
  });

  it('does not delete a trunk when the confirmation is declined', async () => {
    vi.spyOn(confirmer, 'confirm').mockReturnValue(false);
    const { calls } = await openNumbers();
    await userEvent.setup().click(screen.getByTestId('trunk-delete-tr-pbx'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(screen.getByTestId('trunk-row-tr-pbx')).toBeInTheDocument();
  });

  it('adds a number with a trunk and a queue chosen from the tenant’s', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    const trunkSelect = screen.getByTestId('number-trunk');
    expect(within(trunkSelect).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['', 'None'],
      ['tr-carrier', 'Acme Carrier'],
      ['tr-pbx', 'Office PBX (disabled)'],
    ]);
    const queueSelect = screen.getByTestId('number-queue');
    expect(within(queueSelect).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['', 'Choose a queue…'],
      ['q-sales', 'Sales'],
      ['q-support', 'Support'],
    ]);

    await user.type(screen.getByTestId('number-e164'), '+1 (555) 444-0000');
    await user.type(screen.getByTestId('number-name'), 'Support line');
    await user.selectOptions(trunkSelect, 'tr-pbx');
    await user.selectOptions(queueSelect, 'q-support');
    await user.click(screen.getByTestId('number-submit'));

    expect(await screen.findByTestId('number-form-success')).toHaveTextContent('Added the number +1 (555) 444-0000.');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/v1/numbers',
      body: {
        e164: '+1 (555) 444-0000',
        name: 'Support line',
        trunkId: 'tr-pbx',
        target: { type: 'QUEUE', queueId: 'q-support' },
      },
    });
    const row = screen.getByTestId('number-row-n-new');
    expect(row).toHaveTextContent('Support line');
    expect(row).toHaveTextContent('Office PBX');
    expect(row).toHaveTextContent('Queue Support');
    expect(screen.getByTestId('number-e164')).toHaveValue('');
    expect(screen.getByTestId('number-queue')).toHaveValue('');
  });

  it('needs a queue and a well-formed number, and shows a taken number', async () => {
    const { calls } = await openNumbers({
      'POST /api/v1/numbers': () =>
        problem(409, { title: 'Conflict', code: 'number-taken', detail: 'The number is already in use.' }),
    });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('number-e164'), '555-CALL');
    await user.click(screen.getByTestId('number-submit'));
    expect(screen.getByTestId('number-e164-error')).toHaveTextContent('E.164');
    expect(screen.getByTestId('number-queue-error')).toHaveTextContent('Choose the queue that takes the calls.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.clear(screen.getByTestId('number-e164'));
    await user.type(screen.getByTestId('number-e164'), '+15551230000');
    await user.selectOptions(screen.getByTestId('number-queue'), 'q-sales');
    await user.click(screen.getByTestId('number-submit'));
    expect(await screen.findByTestId('number-form-error')).toHaveTextContent('The number is already in use.');
    expect(screen.getByTestId('number-e164-error')).toHaveTextContent('This number is taken.');
    // no trunk chosen: none sent
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      e164: '+15551230000',
      target: { type: 'QUEUE', queueId: 'q-sales' },
    });
  });

  it('edits a number: moves it to another queue and takes its trunk away', async () => {
    const { calls } = await openNumbers();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('number-edit-n-main'));
    expect(within(screen.getByTestId('number-form')).getByRole('heading')).toHaveTextContent('Edit +15551230000');
    expect(screen.getByTestId('number-trunk')).toHaveValue('tr-carrier');
    expect(screen.getByTestId('number-queue')).toHaveValue('q-sales');
    await user.selectOptions(screen.getByTestId('number-trunk'), '');
    await user.selectOptions(screen.getByTestId('number-queue'), 'q-support');
    await user.clear(screen.getByTestId('number-name'));
    await user.click(screen.getByTestId('number-submit'));

    expect(await screen.findByTestId('numbers-notice')).toHaveTextContent('Saved the changes to +15551230000.');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/numbers/n-main');
    expect(patch?.body).toEqual({ name: null, trunkId: null, target: { type: 'QUEUE', queueId: 'q-support' } });
    expect(screen.getByTestId('number-row-n-main')).toHaveTextContent('Queue Support');
  });

  it('removes a number after confirmation', async () => {
    const confirm = vi.spyOn(confirmer, 'confirm').mockReturnValue(true);
    const { calls } = await openNumbers();
    await userEvent.setup().click(screen.getByTestId('number-delete-n-main'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Give up the number +15551230000?'));
    await waitFor(() => expect(screen.queryByTestId('number-row-n-main')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/numbers/n-main']);
    expect(screen.getByTestId('numbers-notice')).toHaveTextContent('Removed the number +15551230000.');
  });

  it('shows a supervisor the trunks and numbers without the admin controls', async () => {
    await openNumbers(undefined, ['SUPERVISOR']);
    expect(screen.getByTestId('number-row-n-main')).toHaveTextContent('Queue Sales');
    expect(screen.queryByTestId('trunk-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('number-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('trunk-edit-tr-carrier')).not.toBeInTheDocument();
    expect(screen.queryByTestId('number-delete-n-main')).not.toBeInTheDocument();
  });

  it('shows an error when the trunks cannot be loaded', async () => {
    renderApp(telephonyApi({ 'GET /api/v1/trunks': () => problem(503, { detail: 'The telephony service is starting.' }) }), {
      path: '/admin/numbers',
      session: sessionWith(),
    });
    expect(await screen.findByTestId('numbers-load-error')).toHaveTextContent('The telephony service is starting.');
  });
});

describe('trunkFormErrors', () => {
  it('keeps every line’s message of a list field and the first message of the others', () => {
    const errors = trunkFormErrors({
      title: 'Invalid input',
      status: 400,
      detail: 'Invalid.',
      errors: [
        { field: 'allowedIps[0]', message: 'bad' },
        { field: 'allowedIps.3', message: 'worse' },
        { field: 'name', message: 'first' },
        { field: 'name', message: 'second' },
        { field: 'body.password', message: 'is required with a username' },
      ],
    });
    expect(errors.fields).toEqual({
      allowedIps: 'Line 1: bad · Line 4: worse',
      name: 'first',
      password: 'is required with a username',
    });
    expect(errors.unmatched).toEqual([]);
    expect(errors.message).toBe('Invalid.');
  });
});
