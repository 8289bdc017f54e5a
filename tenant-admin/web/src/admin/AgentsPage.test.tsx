import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Agent, AwayReason, Queue, User } from '../api/types';
import { adminPlatform, apiCalls, page, type Route } from '../test/adminPlatform';
import { json, noContent, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';
import { confirmer } from './confirm';

function user(id: string, name: string, roles: string[]): User {
  return {
    id,
    email: `${name.split(' ')[0].toLowerCase()}@acme.test`,
    name,
    roles,
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:00:00Z',
  };
}

const USERS: User[] = [
  user('u-ann', 'Ann Admin', ['ADMIN']),
  user('u-bob', 'Bob Agent', ['AGENT']),
  user('u-cat', 'Cat Agent', ['AGENT']),
  user('u-dan', 'Dan Super', ['SUPERVISOR']),
  user('u-eve', 'Eve Both', ['SUPERVISOR', 'AGENT']),
];

const QUEUES = [
  { id: 'q-sales', name: 'Sales' },
  { id: 'q-support', name: 'Support' },
] as Queue[];

const BOB: Agent = {
  id: 'u-bob',
  userId: 'u-bob',
  skills: { billing: 7 },
  queueIds: ['q-sales'],
  maxConcurrent: { VOICE: 1, CHAT: 2, EMAIL: 3, CALLBACK: 1, TASK: 5 },
  sipUsername: 'bob100',
  hasSipPassword: true,
  createdAt: '2025-03-03T10:00:00Z',
  updatedAt: '2025-03-03T10:00:00Z',
};

/** Agents kept in memory, the users and queues to join them with, and the away reasons. */
function agentsApi(overrides: Record<string, Route> = {}, roles?: string[]) {
  let agents: Agent[] = [BOB];
  let reasons: AwayReason[] = [{ code: 'BREAK', label: 'Break' }];
  return adminPlatform(
    {
      'GET /api/v1/agents': () => page(agents),
      'GET /api/v1/users': () => page(USERS),
      'GET /api/v1/queues': () => page(QUEUES),
      'POST /api/v1/agents': (call: Call) => {
        const body = call.body as Partial<Agent> & { sipPassword?: string };
        const created: Agent = {
          ...BOB,
          skills: {},
          queueIds: [],
          sipUsername: null,
          hasSipPassword: false,
          ...body,
          maxConcurrent: { ...BOB.maxConcurrent, ...body.maxConcurrent },
          id: body.userId!,
        };
        agents = [...agents, created];
        return json(201, created);
      },
      'PATCH /api/v1/agents/u-bob': (call: Call) => {
        const body = call.body as Partial<Agent> & { sipPassword?: string | null };
        const updated: Agent = {
          ...agents.find((a) => a.id === 'u-bob')!,
          ...body,
          maxConcurrent: { ...BOB.maxConcurrent, ...body.maxConcurrent },
        };
        if (body.sipPassword === null) updated.hasSipPassword = false;
        agents = agents.map((a) => (a.id === updated.id ? updated : a));
        return json(200, updated);
      },
      'DELETE /api/v1/agents/u-bob': () => {
        agents = agents.filter((a) => a.id !== 'u-bob');
        return noContent();
      },
      'GET /api/v1/away-reasons': () => json(200, { items: reasons }),
      'PUT /api/v1/away-reasons': (call: Call) => {
        reasons = (call.body as { items: AwayReason[] }).items;
        return json(200, { items: reasons });
      },
      ...overrides,
    },
    roles,
  );
}

async function openAgents(overrides?: Record<string, Route>, roles: string[] = ['ADMIN']) {
  const view = renderApp(agentsApi(overrides, roles), { path: '/admin/agents', session: sessionWith({ roles }) });
  await screen.findByTestId('agent-row-u-bob');
  return view;
}

describe('agents section', () => {
  it('lists the agents with their names, skills, queues, limits and SIP login', async () => {
    const { calls } = await openAgents();
    const row = screen.getByTestId('agent-row-u-bob');
    expect(row).toHaveTextContent('Bob Agent');
    expect(row).toHaveTextContent('bob@acme.test');
    expect(row).toHaveTextContent('billing 7');
    expect(within(row).getByText('Sales')).toBeInTheDocument();
    expect(row).toHaveTextContent('Chat 2');
    expect(row).toHaveTextContent('bob100');
    expect(row).toHaveTextContent('password set');
    expect(
      apiCalls(calls)
        .map((c) => `${c.method} ${c.path}`)
        .sort(),
    ).toEqual([
      'GET /api/v1/agents?limit=100',
      'GET /api/v1/away-reasons',
      'GET /api/v1/queues?limit=100',
      'GET /api/v1/users?limit=100',
    ]);
  });

  it('makes an agent of a user with the AGENT role', async () => {
    const { calls } = await openAgents();
    const select = await screen.findByTestId('agent-user');
    // only AGENT users who are not agents yet
    expect(within(select).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'u-cat', 'u-eve']);

    const u = userEvent.setup();
    await u.selectOptions(select, 'u-cat');
    await u.click(screen.getByTestId('agent-skills-add'));
    await u.type(screen.getByTestId('agent-skills-name-0'), 'spanish');
    await u.clear(screen.getByTestId('agent-skills-level-0'));
    await u.type(screen.getByTestId('agent-skills-level-0'), '6');
    await u.click(screen.getByTestId('agent-queue-q-support'));
    await u.type(screen.getByTestId('agent-max-VOICE'), '1');
    await u.type(screen.getByTestId('agent-max-CHAT'), '3');
    await u.type(screen.getByTestId('agent-sip-username'), 'cat200');
    await u.type(screen.getByTestId('agent-sip-password'), 'S1p-secret');
    await u.click(screen.getByTestId('agent-submit'));

    expect(await screen.findByTestId('agent-form-success')).toHaveTextContent('Cat Agent is now an agent.');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/v1/agents',
      body: {
        userId: 'u-cat',
        skills: { spanish: 6 },
        queueIds: ['q-support'],
        maxConcurrent: { VOICE: 1, CHAT: 3 },
        sipUsername: 'cat200',
        sipPassword: 'S1p-secret',
      },
    });
    expect(screen.getByTestId('agent-row-u-cat')).toHaveTextContent('Cat Agent');
    expect(within(screen.getByTestId('agent-user')).queryByRole('option', { name: /Cat Agent/ })).toBeNull();
  });

  it('sends only the user for a bare new agent', async () => {
    const { calls } = await openAgents();
    const u = userEvent.setup();
    await u.selectOptions(await screen.findByTestId('agent-user'), 'u-eve');
    await u.click(screen.getByTestId('agent-submit'));
    await screen.findByTestId('agent-row-u-eve');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: 'u-eve' });
  });

  it('checks the form before sending it', async () => {
    const { calls } = await openAgents();
    const u = userEvent.setup();
    await u.click(screen.getByTestId('agent-skills-add'));
    await u.type(screen.getByTestId('agent-skills-name-0'), 'billing');
    await u.clear(screen.getByTestId('agent-skills-level-0'));
    await u.type(screen.getByTestId('agent-skills-level-0'), '0');
    await u.type(screen.getByTestId('agent-max-VOICE'), '2');
    await u.type(screen.getByTestId('agent-sip-password'), 'lonely-password');
    await u.click(screen.getByTestId('agent-submit'));

    expect(await screen.findByTestId('error-message')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.getByTestId('agent-user-error')).toHaveTextContent('Choose a user.');
    expect(screen.getByTestId('agent-skills-row-0-error')).toHaveTextContent('from 1 to 10');
    expect(screen.getByTestId('agent-max-VOICE-error')).toHaveTextContent('at most 1 call');
    expect(screen.getByTestId('agent-sip-username-error')).toHaveTextContent('SIP username');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('edits an agent: skills, queues, limits and a new SIP password', async () => {
    const { calls } = await openAgents();
    const u = userEvent.setup();
    await u.click(screen.getByTestId('agent-edit-u-bob'));
    expect(within(screen.getByTestId('agent-form')).getByRole('heading')).toHaveTextContent('Edit Bob Agent');
    expect(screen.getByTestId('agent-skills-name-0')).toHaveValue('billing');
    expect(screen.getByTestId('agent-queue-q-sales')).toBeChecked();
    expect(screen.getByTestId('agent-max-EMAIL')).toHaveValue(3);
    // the password is never shown: only whether one is set
    expect(screen.getByTestId('agent-sip-password-status')).toHaveTextContent('A SIP password is set.');
    expect(screen.queryByTestId('agent-sip-password')).not.toBeInTheDocument();

    await u.clear(screen.getByTestId('agent-skills-level-0'));
    await u.type(screen.getByTestId('agent-skills-level-0'), '9');
    await u.click(screen.getByTestId('agent-queue-q-sales'));
    await u.click(screen.getByTestId('agent-queue-q-support'));
    await u.clear(screen.getByTestId('agent-max-CHAT'));
    await u.type(screen.getByTestId('agent-max-CHAT'), '4');
    await u.click(screen.getByTestId('agent-sip-password-open'));
    await u.type(screen.getByTestId('agent-sip-password'), 'N3w-sip-pass');
    await u.click(screen.getByTestId('agent-submit'));

    expect(await screen.findByTestId('agents-notice')).toHaveTextContent('Saved the changes to Bob Agent.');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/agents/u-bob');
    expect(patch?.body).toEqual({
      skills: { billing: 9 },
      queueIds: ['q-support'],
      maxConcurrent: { VOICE: 1, CHAT: 4, EMAIL: 3, CALLBACK: 1, TASK: 5 },
      sipPassword: 'N3w-sip-pass',
    });
    const row = screen.getByTestId('agent-row-u-bob');
    expect(row).toHaveTextContent('billing 9');
    expect(within(row).getByText('Support')).toBeInTheDocument();
  });

  it('removes the SIP login when its username is cleared', async () => {
    const { calls } = await openAgents();
    const u = userEvent.setup();
    await u.click(screen.getByTestId('agent-edit-u-bob'));
    await u.clear(screen.getByTestId('agent-sip-username'));
    await u.click(screen.getByTestId('agent-submit'));
    await screen.findByTestId('agents-notice');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ sipUsername: null, sipPassword: null });
  });

  it('shows the server’s field errors next to the fields', async () => {
    await openAgents({
      'PATCH /api/v1/agents/u-bob': () =>
        problem(400, {
          detail: 'The agent is not valid.',
          errors: [
            { field: 'maxConcurrent.CHAT', message: 'must be at most 10' },
            { field: 'sipUsername', message: 'is used by another agent' },
            { field: 'queueIds[0]', message: 'no such queue' },
          ],
        }),
    });
    const u = userEvent.setup();
    await u.click(screen.getByTestId('agent-edit-u-bob'));
    await u.clear(screen.getByTestId('agent-max-CHAT'));
    await u.type(screen.getByTestId('agent-max-CHAT'), '50');
    await u.clear(screen.getByTestId('agent-sip-username'));
    await u.type(screen.getByTestId('agent-sip-username'), 'taken');
    await u.click(screen.getByTestId('agent-submit'));

    expect(await screen.findByTestId('error-message')).toHaveTextContent('The agent is not valid.');
    expect(screen.getByTestId('agent-max-CHAT-error')).toHaveTextContent('must be at most 10');
    expect(screen.getByTestId('agent-sip-username-error')).toHaveTextContent('is used by another agent');
    expect(screen.getByTestId('agent-queues-error')).toHaveTextContent('no such queue');
    // still editing, with what was typed
    expect(screen.getByTestId('agent-max-CHAT')).toHaveValue(50);
  });

  it('removes an agent only after confirmation', async () => {
    const confirm = vi.spyOn(confirmer, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { calls } = await openAgents();
    const u = userEvent.setup();
    await u.click(screen.getByTestId('agent-delete-u-bob'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Remove Bob Agent as an agent?'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await u.click(screen.getByTestId('agent-delete-u-bob'));
    await waitFor(() => expect(screen.queryByTestId('agent-row-u-bob')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/agents/u-bob']);
    // Bob can be made an agent again
    expect(within(screen.getByTestId('agent-user')).getByRole('option', { name: /Bob Agent/ })).toBeInTheDocument();
  });

  it('shows a supervisor the agents and away reasons, read-only', async () => {
    await openAgents(undefined, ['SUPERVISOR']);
    expect(screen.getByTestId('agent-row-u-bob')).toHaveTextContent('Bob Agent');
    expect(screen.queryByTestId('agent-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('agent-edit-u-bob')).not.toBeInTheDocument();
    expect(screen.queryByTestId('agent-delete-u-bob')).not.toBeInTheDocument();
    expect(await screen.findByTestId('away-reasons-list')).toHaveTextContent('Break');
    expect(screen.queryByTestId('away-reasons-save')).not.toBeInTheDocument();
  });
});

describe('away reasons', () => {
  it('saves the whole list', async () => {
    const { calls } = await openAgents();
    const u = userEvent.setup();
    expect(await screen.findByTestId('away-reason-code-0')).toHaveValue('BREAK');
    await u.click(screen.getByTestId('away-reason-add'));
    await u.type(screen.getByTestId('away-reason-code-1'), 'LUNCH');
    await u.type(screen.getByTestId('away-reason-label-1'), 'Lunch break');
    await u.clear(screen.getByTestId('away-reason-label-0'));
    await u.type(screen.getByTestId('away-reason-label-0'), 'Short break');
    await u.click(screen.getByTestId('away-reasons-save'));

    expect(await screen.findByTestId('away-reasons-success')).toHaveTextContent('Saved 2 away reasons.');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/away-reasons');
    expect(put?.body).toEqual({
      items: [
        { code: 'BREAK', label: 'Short break' },
        { code: 'LUNCH', label: 'Lunch break' },
      ],
    });
  });

  it('checks the reasons, and shows the server’s errors by row', async () => {
    const { calls } = await openAgents({
      'PUT /api/v1/away-reasons': () =>
        problem(400, { detail: 'Invalid away reasons.', errors: [{ field: 'items[1].code', message: 'must be upper case' }] }),
    });
    const u = userEvent.setup();
    await screen.findByTestId('away-reason-code-0');
    await u.click(screen.getByTestId('away-reason-add'));
    await u.type(screen.getByTestId('away-reason-code-1'), 'BREAK');
    await u.type(screen.getByTestId('away-reason-label-1'), 'Again');
    await u.click(screen.getByTestId('away-reasons-save'));
    expect(await screen.findByTestId('away-reason-row-1-error')).toHaveTextContent('listed twice');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await u.clear(screen.getByTestId('away-reason-code-1'));
    await u.type(screen.getByTestId('away-reason-code-1'), 'lunch');
    await u.click(screen.getByTestId('away-reasons-save'));
    expect(await screen.findByTestId('away-reasons-error')).toHaveTextContent('Invalid away reasons.');
    expect(screen.getByTestId('away-reason-row-1-error')).toHaveTextContent('must be upper case');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('removes a reason', async () => {
    const { calls } = await openAgents();
    const u = userEvent.setup();
    await u.click(await screen.findByTestId('away-reason-remove-0'));
    await u.click(screen.getByTestId('away-reasons-save'));
    expect(await screen.findByTestId('away-reasons-success')).toHaveTextContent('Saved 0 away reasons.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ items: [] });
  });
});
