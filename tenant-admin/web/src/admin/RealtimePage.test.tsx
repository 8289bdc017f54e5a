import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeStats, User } from '../api/types';
import { adminPlatform, page, type Route } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';
import { MockWebSocket } from '@callisto/softphone/testing';
import { confirmer } from './confirm';
import { applyAgentChange, formatClock, percent } from './RealtimePage';

function user(id: string, name: string): User {
  return { id, email: `${id}@acme.test`, name, roles: ['AGENT'], createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:00:00Z' };
}

const USERS = [user('u-bob', 'Bob Agent'), user('u-cat', 'Cat Agent'), user('u-eve', 'Eve Agent')];

const ago = (seconds: number, from = Date.now()) => new Date(from - seconds * 1000).toISOString();

/** A snapshot taken now: Sales with 3 waiting, Bob busy for 65 s, Cat available, Eve at lunch. */
function snapshot(overrides: Partial<RealtimeStats> = {}): RealtimeStats {
  const now = Date.now();
  return {
    at: new Date(now).toISOString(),
    queues: [
      {
        queueId: 'q-sales',
        name: 'Sales',
        waiting: 3,
        longestWaitSeconds: 95,
        agents: { AVAILABLE: 1, BUSY: 1, AWAY: 1 },
        serviceLevel: 0.857,
        abandonmentRate: 0.05,
        answered: 40,
        abandoned: 2,
        averageHandleSeconds: 185,
      },
    ],
    agents: [
      { agentId: 'u-bob', state: 'BUSY', since: ago(65, now), reason: null },
      { agentId: 'u-cat', state: 'AVAILABLE', since: ago(10, now), reason: null },
      { agentId: 'u-eve', state: 'AWAY', since: ago(600, now), reason: 'LUNCH' },
    ],
    ...overrides,
  };
}

function realtimeApi(overrides: Record<string, Route> = {}) {
  return adminPlatform({
    'GET /api/v1/stats/realtime': () => json(200, snapshot()),
    'GET /api/v1/users': () => page(USERS),
    'GET /api/v1/agents': () =>
      page(['u-bob', 'u-cat', 'u-eve'].map((id) => ({ id, userId: id, queueIds: ['q-sales'] }))),
    'GET /api/v1/away-reasons': () =>
      json(200, {
        items: [
          { code: 'BREAK', label: 'Break' },
          { code: 'LUNCH', label: 'Lunch' },
        ],
      }),
    'PUT /api/v1/agents/u-bob/state': (call: Call) =>
      json(200, { agentId: 'u-bob', ...(call.body as object), since: new Date().toISOString(), wrapUpUntil: null }),
    'PUT /api/v1/agents/u-cat/state': (call: Call) =>
      json(200, { agentId: 'u-cat', reason: null, ...(call.body as object), since: new Date().toISOString(), wrapUpUntil: null }),
    ...overrides,
  });
}

async function openRealtime(overrides?: Record<string, Route>, roles: string[] = ['SUPERVISOR']) {
  const view = renderApp(realtimeApi(overrides), { path: '/admin/realtime', session: sessionWith({ roles }) });
  await screen.findByTestId('rt-agent-u-bob');
  // names come with the users
  await within(screen.getByTestId('rt-agent-u-bob')).findByText('Bob Agent');
  return view;
}

const statsCalls = (calls: Call[]) => calls.filter((c) => c.path === '/api/v1/stats/realtime');

describe('realtime wallboard', () => {
  beforeEach(() => {
    MockWebSocket.reset();
    vi.stubGlobal('WebSocket', MockWebSocket);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the queues and agents, and goes live on the events socket', async () => {
    const { calls } = await openRealtime();

    expect(screen.getByTestId('rt-queue-q-sales-waiting')).toHaveTextContent('3');
    expect(screen.getByTestId('rt-queue-q-sales-longest')).toHaveTextContent(/^01:3[5-7]$/);
    expect(screen.getByTestId('rt-queue-q-sales-sl')).toHaveTextContent('86%');
    expect(screen.getByTestId('rt-queue-q-sales-abandoned')).toHaveTextContent('5%');
    expect(screen.getByTestId('rt-queue-q-sales-agents')).toHaveTextContent('Available 1');
    expect(screen.getByTestId('rt-queue-q-sales-agents')).toHaveTextContent('Busy 1');

    expect(screen.getByTestId('rt-agent-u-bob-state')).toHaveAttribute('data-state', 'BUSY');
    expect(screen.getByTestId('rt-agent-u-bob-state')).toHaveTextContent('Busy');
    expect(screen.getByTestId('rt-agent-u-bob-state')).toHaveClass('state--busy');
    expect(screen.getByTestId('rt-agent-u-bob-time')).toHaveTextContent(/^01:0[5-7]$/);
    expect(screen.getByTestId('rt-agent-u-eve-state')).toHaveClass('state--away');
    expect(screen.getByTestId('rt-agent-u-eve-time')).toHaveTextContent(/^10:0[0-2]$/);
    // the reason by its label
    await waitFor(() => expect(screen.getByTestId('rt-agent-u-eve-reason')).toHaveTextContent('Lunch'));
    expect(statsCalls(calls)[0].authorization).toBe('Bearer access-1');

    // the socket carries the access token
    expect(MockWebSocket.instances).toHaveLength(1);
    expect(MockWebSocket.last().url).toMatch(/^ws:\/\/[^/]+\/api\/v1\/events\?access_token=access-1$/);
    expect(screen.getByTestId('realtime-connection')).toHaveAttribute('data-state', 'connecting');
    act(() => MockWebSocket.last().open());
    expect(screen.getByTestId('realtime-connection')).toHaveAttribute('data-state', 'open');
    expect(screen.getByTestId('realtime-connection')).toHaveTextContent('Live');

    // times tick
    const before = screen.getByTestId('rt-agent-u-bob-time').textContent;
    await waitFor(() => expect(screen.getByTestId('rt-agent-u-bob-time').textContent).not.toBe(before), { timeout: 2500 });
  });

  it('applies pushed snapshots whole, and agent state changes at once', async () => {
    await openRealtime();
    const socket = MockWebSocket.last();
    act(() => socket.open());

    const t = Date.now();
    act(() =>
      socket.receive({
        type: 'stats.realtime',
        tenantId: 't-acme',
        at: new Date(t).toISOString(),
        data: snapshot({
          at: new Date(t).toISOString(),
          queues: [{ ...snapshot().queues[0], waiting: 0, serviceLevel: 0.5, agents: { AVAILABLE: 2, AWAY: 1 } }],
          agents: [
            { agentId: 'u-bob', state: 'AVAILABLE', since: ago(5, t), reason: null },
            { agentId: 'u-cat', state: 'AVAILABLE', since: ago(10, t), reason: null },
            { agentId: 'u-eve', state: 'AWAY', since: ago(600, t), reason: 'LUNCH' },
          ],
        }),
      }),
    );
    expect(screen.getByTestId('rt-queue-q-sales-waiting')).toHaveTextContent('0');
    expect(screen.getByTestId('rt-queue-q-sales-longest')).toHaveTextContent('—');
    expect(screen.getByTestId('rt-queue-q-sales-sl')).toHaveTextContent('50%');
    expect(screen.getByTestId('rt-agent-u-bob-state')).toHaveAttribute('data-state', 'AVAILABLE');
    expect(screen.getByTestId('rt-agent-u-bob-time')).toHaveTextContent(/^00:0[5-7]$/);

    // Cat is offered a call: her row and the queue's counts move at once
    act(() =>
      socket.receive({
        type: 'agent.state_changed',
        tenantId: 't-acme',
        at: new Date().toISOString(),
        data: { agentId: 'u-cat', from: 'AVAILABLE', to: 'RINGING', reason: null },
      }),
    );
    expect(screen.getByTestId('rt-agent-u-cat-state')).toHaveAttribute('data-state', 'RINGING');
    expect(screen.getByTestId('rt-agent-u-cat-state')).toHaveClass('state--ringing');
    expect(screen.getByTestId('rt-agent-u-cat-time')).toHaveTextContent(/^00:0[0-1]$/);
    expect(screen.getByTestId('rt-queue-q-sales-agents')).toHaveTextContent('Available 1');
    expect(screen.getByTestId('rt-queue-q-sales-agents')).toHaveTextContent('Ringing 1');

    // a snapshot older than the one shown is not applied; other events change nothing
    act(() => {
      socket.receive({ type: 'stats.realtime', at: ago(60), data: snapshot({ at: ago(60), queues: [], agents: [] }) });
      socket.receive({ type: 'interaction.queued', at: new Date().toISOString(), data: { interactionId: 'i-1' } });
      socket.receive({ type: 'hello', at: new Date().toISOString(), data: { userId: 'u-ann', roles: ['SUPERVISOR'] } });
    });
    expect(screen.getByTestId('rt-queue-q-sales')).toBeInTheDocument();
    expect(screen.getByTestId('rt-agent-u-cat-state')).toHaveAttribute('data-state', 'RINGING');
  });

  it('lets a supervisor set an agent away or log them out', async () => {
    const confirm = vi.spyOn(confirmer, 'confirm').mockReturnValue(true);
    const { calls } = await openRealtime();
    const u = userEvent.setup();

    await u.click(screen.getByTestId('rt-agent-u-bob-actions'));
    const menu = screen.getByRole('menu', { name: 'Actions for Bob Agent' });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Set Away: Break',
      'Set Away: Lunch',
      'Log out',
    ]);
    await u.click(within(menu).getByRole('menuitem', { name: 'Set Away: Lunch' }));
    await waitFor(() => expect(screen.getByTestId('rt-agent-u-bob-state')).toHaveAttribute('data-state', 'AWAY'));
    expect(screen.getByTestId('rt-agent-u-bob-reason')).toHaveTextContent('Lunch');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    const away = calls.find((c) => c.method === 'PUT' && c.path === '/api/v1/agents/u-bob/state');
    expect(away?.body).toEqual({ state: 'AWAY', reason: 'LUNCH' });

    await u.click(screen.getByTestId('rt-agent-u-cat-actions'));
    await u.click(screen.getByTestId('rt-agent-u-cat-logout'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Log Cat Agent out?'));
    await waitFor(() => expect(screen.getByTestId('rt-agent-u-cat-state')).toHaveAttribute('data-state', 'OFFLINE'));
    expect(calls.find((c) => c.method === 'PUT' && c.path === '/api/v1/agents/u-cat/state')?.body).toEqual({
      state: 'OFFLINE',
    });
  });

  it('shows why an agent’s state could not be set', async () => {
    await openRealtime({
      'PUT /api/v1/agents/u-bob/state': () => problem(409, { detail: 'The agent is on a call.' }),
    });
    const u = userEvent.setup();
    await u.click(screen.getByTestId('rt-agent-u-bob-actions'));
    await u.click(screen.getByTestId('rt-agent-u-bob-away-BREAK'));
    expect(await screen.findByTestId('realtime-action-error')).toHaveTextContent('Bob Agent: The agent is on a call.');
    expect(screen.getByTestId('rt-agent-u-bob-state')).toHaveAttribute('data-state', 'BUSY');
  });

  it('closes the action menu with Escape', async () => {
    await openRealtime();
    const u = userEvent.setup();
    await u.click(screen.getByTestId('rt-agent-u-bob-actions'));
    expect(screen.getByRole('menuitem', { name: 'Set Away: Break' })).toHaveFocus();
    await u.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Set Away: Lunch' })).toHaveFocus();
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByTestId('rt-agent-u-bob-actions')).toHaveFocus();
  });

  it('polls every 5 s while the socket is down, and reconnects with backoff', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { calls } = await openRealtime();
    act(() => MockWebSocket.last().open());
    expect(statsCalls(calls)).toHaveLength(1);

    // live: no polling
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(statsCalls(calls)).toHaveLength(1);

    act(() => MockWebSocket.last().drop());
    expect(screen.getByTestId('realtime-connection')).toHaveAttribute('data-state', 'closed');
    expect(screen.getByTestId('realtime-connection')).toHaveTextContent('Reconnecting — updating every 5 s');

    // the first retry after 1 s fails too, the next waits 2 s (the fake clock also runs with the real one)
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(MockWebSocket.instances).toHaveLength(2);
    act(() => MockWebSocket.last().drop());
    await act(() => vi.advanceTimersByTimeAsync(1_700));
    expect(MockWebSocket.instances).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(MockWebSocket.instances).toHaveLength(3);
    expect(statsCalls(calls)).toHaveLength(1);

    // 5 s after the drop, the numbers are polled, and every 5 s after
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(statsCalls(calls)).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(statsCalls(calls)).toHaveLength(3);

    // back: one catch-up request, then no more polling
    act(() => MockWebSocket.last().open());
    expect(screen.getByTestId('realtime-connection')).toHaveTextContent('Live');
    await waitFor(() => expect(statsCalls(calls)).toHaveLength(4));
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(statsCalls(calls)).toHaveLength(4);
  });

  it('keeps polling while the socket is down and shows a failed poll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let fail = false;
    await openRealtime({
      'GET /api/v1/stats/realtime': () =>
        fail ? problem(503, { detail: 'Stats are unavailable.' }) : json(200, snapshot()),
    });
    act(() => MockWebSocket.last().drop());
    fail = true;
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(await screen.findByTestId('realtime-error')).toHaveTextContent('Stats are unavailable.');
    // the last numbers stay on screen
    expect(screen.getByTestId('rt-queue-q-sales-waiting')).toHaveTextContent('3');
    fail = false;
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await waitFor(() => expect(screen.queryByTestId('realtime-error')).not.toBeInTheDocument());
  });
});

describe('realtime helpers', () => {
  it('formats clocks and percentages', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65.9)).toBe('01:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('00:00');
    expect(percent(0.857)).toBe('86%');
    expect(percent(null)).toBe('—');
  });

  it('applies a state change once, even when it arrives twice', () => {
    const stats = snapshot();
    const memberships = new Map([['u-cat', ['q-sales']]]);
    const change = { agentId: 'u-cat', from: 'AVAILABLE', to: 'BUSY', reason: null };
    const once = applyAgentChange(stats, change, '2030-01-01T00:00:00Z', memberships);
    const twice = applyAgentChange(once, change, '2030-01-01T00:00:05Z', memberships);
    expect(twice.queues[0].agents).toEqual({ AVAILABLE: 0, BUSY: 2, AWAY: 1 });
    expect(twice.agents.find((a) => a.agentId === 'u-cat')).toEqual({
      agentId: 'u-cat',
      state: 'BUSY',
      reason: null,
      since: '2030-01-01T00:00:00Z',
    });
    // an agent the snapshot did not list is added; a queue without offline counts gets none
    const added = applyAgentChange(stats, { agentId: 'u-new', from: 'AVAILABLE', to: 'OFFLINE', reason: null }, 'x', new Map([['u-new', ['q-sales']]]));
    expect(added.agents.map((a) => a.agentId)).toContain('u-new');
    expect(added.queues[0].agents).toEqual({ AVAILABLE: 0, BUSY: 1, AWAY: 1 });
  });
});
