import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TENANT, adminPlatform, type Route } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';
import { FakeSoftphone, aCall } from '../test/fakeSoftphone';

function agentApi(overrides: Record<string, Route> = {}) {
  return adminPlatform(
    {
      'GET /api/v1/tenant': () => json(200, TENANT),
      'POST /api/v1/calls': () => json(201, { id: 'call-42', state: 'DIALING' }),
      ...overrides,
    },
    ['AGENT'],
  );
}

function posts(calls: Call[]): Call[] {
  return calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/calls');
}

describe('agent page: the desktop', () => {
  it('shows a signed-in agent the softphone desktop, with the controls automation relies on', async () => {
    const softphone = new FakeSoftphone();
    renderApp(agentApi(), { path: '/agent', session: sessionWith({ roles: ['AGENT'] }), softphone });
    expect(await screen.findByRole('heading', { level: 1, name: 'Agent desktop' })).toBeInTheDocument();
    expect(softphone.connect).toHaveBeenCalledTimes(1);
    for (const id of [
      'softphone-connection',
      'agent-state',
      'state-available',
      'state-away',
      'state-offline',
      'away-reason',
      'dial-number',
      'dial-call',
      'recent-calls',
      'device-input',
      'device-output',
      'remote-audio',
      // the desk phone's click-to-dial stays, under the softphone
      'dial-form',
    ]) {
      expect(screen.getByTestId(id)).toBeInTheDocument();
    }
    expect(screen.queryByRole('link', { name: 'Admin console' })).not.toBeInTheDocument();

    act(() => softphone.welcome('u-1', { state: 'AVAILABLE', reason: null }));
    act(() => softphone.ring(aCall()));
    expect(screen.getByTestId('call-incoming')).toHaveTextContent('Jane Doe');
    for (const id of ['call-answer', 'call-reject']) expect(screen.getByTestId(id)).toBeInTheDocument();
    act(() => softphone.update(aCall({ state: 'connected' })));
    for (const id of ['call-hangup', 'call-mute', 'call-hold', 'call-keypad', 'call-transfer', 'call-record', 'call-stats', 'call-timer']) {
      expect(screen.getByTestId(id)).toBeInTheDocument();
    }
  });

  it('links supervisors and admins to the admin console, and signs out', async () => {
    const { calls } = renderApp(agentApi(), { path: '/agent', session: sessionWith({ roles: ['SUPERVISOR', 'AGENT'] }) });
    expect(await screen.findByRole('link', { name: 'Admin console' })).toHaveAttribute('href', '/admin');
    await userEvent.setup().click(screen.getByTestId('logout'));
    expect(await screen.findByText('Sign in')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/auth/logout')).toBe(true);
  });

  it('makes no softphone when signed out', async () => {
    const softphone = new FakeSoftphone();
    renderApp(agentApi(), { path: '/agent', softphone });
    expect(await screen.findByRole('heading', { name: 'Agent desktop' })).toBeInTheDocument();
    expect(softphone.connect).not.toHaveBeenCalled();
    expect(screen.queryByTestId('agent-state')).not.toBeInTheDocument();
  });
});

describe('agent page: click-to-dial', () => {
  it('places a call to the number typed, normalized to E.164', async () => {
    const { calls } = renderApp(agentApi(), { path: '/agent', session: sessionWith({ roles: ['AGENT'] }) });
    const form = await screen.findByTestId('dial-form');
    expect(within(form).getByRole('heading')).toHaveTextContent('Call a number');
    const input = screen.getByLabelText('Phone number');
    expect(input).toHaveAttribute('type', 'tel');
    const user = userEvent.setup();
    await user.type(input, '+1 (555) 987-0000');
    await user.click(screen.getByRole('button', { name: 'Call' }));

    const result = await screen.findByTestId('dial-result');
    expect(result).toHaveAttribute('role', 'status');
    expect(result).toHaveTextContent('Calling +15559870000: answer your phone when it rings. (Call call-42)');
    expect(posts(calls)).toEqual([
      { method: 'POST', path: '/api/v1/calls', body: { to: '+15559870000' }, authorization: 'Bearer access-1' },
    ]);
    expect(screen.queryByTestId('dial-error')).not.toBeInTheDocument();
  });

  it('shows the detail of a refused call and what to do about it', async () => {
    renderApp(
      agentApi({
        'POST /api/v1/calls': () =>
          problem(409, {
            title: 'Conflict',
            code: 'no-registered-phone',
            detail: 'Your SIP phone is not registered.',
          }),
      }),
      { path: '/agent', session: sessionWith({ roles: ['AGENT'] }) },
    );
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('dial-to'), '+15559870000');
    await user.click(screen.getByTestId('dial-submit'));

    const error = await screen.findByTestId('dial-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('Your SIP phone is not registered.');
    expect(screen.getByTestId('dial-advice')).toHaveTextContent(
      'Sign in to your desk phone or softphone with your SIP login, then try again.',
    );
    expect(screen.queryByTestId('dial-result')).not.toBeInTheDocument();
    // the number stays, to try again
    expect(screen.getByTestId('dial-to')).toHaveValue('+15559870000');
  });

  it('shows a busy trunk’s detail, and the server’s field error under the input', async () => {
    let answer = 0;
    renderApp(
      agentApi({
        'POST /api/v1/calls': () =>
          ++answer === 1
            ? problem(409, { title: 'Conflict', code: 'trunk-busy', detail: 'All 30 channels of Acme Carrier are in use.' })
            : problem(400, {
                title: 'Invalid input',
                detail: 'The request is not valid.',
                errors: [{ field: 'to', message: 'an E.164 number such as +15551230000' }],
              }),
      }),
      { path: '/agent', session: sessionWith({ roles: ['AGENT'] }) },
    );
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('dial-to'), '+15559870000');
    await user.click(screen.getByTestId('dial-submit'));
    expect(await screen.findByTestId('dial-error')).toHaveTextContent('All 30 channels of Acme Carrier are in use.');
    expect(screen.getByTestId('dial-advice')).toHaveTextContent('Every channel of the trunk is in use.');

    await user.click(screen.getByTestId('dial-submit'));
    expect(await screen.findByTestId('dial-to-error')).toHaveTextContent('an E.164 number such as +15551230000');
    expect(screen.getByTestId('dial-error')).toHaveTextContent('The request is not valid.');
    expect(screen.queryByTestId('dial-advice')).not.toBeInTheDocument();
    expect(screen.getByTestId('dial-to')).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the number before calling', async () => {
    const { calls } = renderApp(agentApi(), { path: '/agent', session: sessionWith({ roles: ['AGENT'] }) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('dial-submit'));
    expect(screen.getByTestId('dial-to-error')).toHaveTextContent('Enter the number to call.');
    await user.type(screen.getByTestId('dial-to'), '5551234');
    await user.click(screen.getByTestId('dial-submit'));
    expect(screen.getByTestId('dial-to-error')).toHaveTextContent('international format');
    expect(posts(calls)).toEqual([]);
  });

  it('offers no dialing when signed out', async () => {
    renderApp(agentApi(), { path: '/agent' });
    expect(await screen.findByText('Sign in')).toBeInTheDocument();
    expect(screen.queryByTestId('dial-form')).not.toBeInTheDocument();
  });
});
