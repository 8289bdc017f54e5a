import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CallRecord, User } from '../api/types';
import { browser } from '../components/browser';
import { adminPlatform, apiCalls, page, type Route } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';
import { moment } from './billingFormat';

function call(id: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id,
    direction: 'INBOUND',
    from: '+15557770001',
    to: '+15551230000',
    numberId: 'n-main',
    trunkId: 'tr-carrier',
    queueId: 'q-sales',
    agentId: 'u-bob',
    interactionId: `i-${id}`,
    startedAt: '2025-03-05T14:00:00Z',
    answeredAt: '2025-03-05T14:00:25Z',
    endedAt: '2025-03-05T14:05:30Z',
    waitSeconds: 25,
    talkSeconds: 305,
    holdSeconds: 0,
    disposition: 'ANSWERED',
    hangupSide: 'CALLER',
    sipCause: 200,
    hasRecording: false,
    recordingUrl: null,
    ...overrides,
  };
}

const C1 = call('c-1', { hasRecording: true, recordingUrl: '/api/v1/calls/c-1/recording' });
const C2 = call('c-2', {
  startedAt: '2025-03-05T13:00:00Z',
  direction: 'OUTBOUND',
  from: '+15551230000',
  to: '+15559990000',
  queueId: null,
  agentId: 'u-cat',
  waitSeconds: 0,
  talkSeconds: 3725,
  hangupSide: 'AGENT',
});
const C3 = call('c-3', {
  startedAt: '2025-03-05T12:00:00Z',
  queueId: 'q-support',
  agentId: null,
  answeredAt: null,
  waitSeconds: 62,
  talkSeconds: 0,
  disposition: 'ABANDONED',
  hangupSide: 'CALLER',
  sipCause: 487,
});
const ALL = [C1, C2, C3];

function user(id: string, name: string): User {
  return { id, email: `${id}@acme.test`, name, roles: ['AGENT'], createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:00:00Z' };
}

const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46]);

/** Calls newest first, two a page (the cursor is the last id), filtered by agentId and queueId. */
function callsApi(overrides: Record<string, Route> = {}, roles?: string[]) {
  return adminPlatform(
    {
      'GET /api/v1/calls': (c: Call) => {
        const q = new URL(c.path, 'http://x').searchParams;
        const matching = ALL.filter(
          (r) => (!q.get('agentId') || r.agentId === q.get('agentId')) && (!q.get('queueId') || r.queueId === q.get('queueId')),
        );
        const after = q.get('after');
        const start = after ? matching.findIndex((r) => r.id === after) + 1 : 0;
        const items = matching.slice(start, start + 2);
        const next = start + 2 < matching.length ? items[items.length - 1].id : null;
        return json(200, { items, next });
      },
      'GET /api/v1/calls/c-1/recording': () =>
        new Response(WAV, { status: 200, headers: { 'Content-Type': 'audio/wav', 'Content-Disposition': 'attachment; filename="c-1.wav"' } }),
      'GET /api/v1/queues': () =>
        page([
          { id: 'q-sales', name: 'Sales' },
          { id: 'q-support', name: 'Support' },
        ]),
      'GET /api/v1/agents': () => page(['u-bob', 'u-cat'].map((id) => ({ id, userId: id, queueIds: [] }))),
      'GET /api/v1/users': () => page([user('u-bob', 'Bob Agent'), user('u-cat', 'Cat Agent')]),
      ...overrides,
    },
    roles,
  );
}

async function openCalls(overrides?: Record<string, Route>, roles: string[] = ['SUPERVISOR']) {
  const view = renderApp(callsApi(overrides, roles), { path: '/admin/calls', session: sessionWith({ roles }) });
  await screen.findByTestId('call-row-c-1');
  // the names arrive apart from the records
  await waitFor(() => expect(screen.getByTestId('call-row-c-1')).toHaveTextContent('Bob Agent'));
  return view;
}

function callPaths(calls: Call[]): string[] {
  return apiCalls(calls)
    .filter((c) => c.path.startsWith('/api/v1/calls'))
    .map((c) => `${c.method} ${c.path}`);
}

describe('calls section', () => {
  it('is in the navigation of admins and supervisors, not of agents', async () => {
    const { unmount } = renderApp(callsApi({}, ['SUPERVISOR']), { path: '/admin', session: sessionWith({ roles: ['SUPERVISOR'] }) });
    expect(await screen.findByTestId('nav-calls')).toHaveAttribute('href', '/admin/calls');
    unmount();
    renderApp(callsApi({}, ['AGENT']), { path: '/admin', session: sessionWith({ roles: ['AGENT'] }) });
    await screen.findByTestId('tenant-name');
    expect(screen.queryByTestId('nav-calls')).not.toBeInTheDocument();
    expect(screen.getByTestId('nav-queues')).toBeInTheDocument();
  });

  it('lists the call records newest first with their details', async () => {
    const { calls } = await openCalls();
    const rows = within(screen.getByTestId('calls-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['call-row-c-1', 'call-row-c-2']);
    const first = screen.getByTestId('call-row-c-1');
    const cells = within(first)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 11)).toEqual([
      moment('2025-03-05T14:00:00Z'),
      'Inbound',
      '+15557770001',
      '+15551230000',
      'Sales',
      'Bob Agent',
      '00:25',
      '05:05',
      'ANSWERED',
      'Caller',
      '200',
    ]);
    expect(within(first).getByRole('button', { name: /Play the recording/ })).toBeInTheDocument();
    const second = screen.getByTestId('call-row-c-2');
    expect(second).toHaveTextContent('Outbound');
    expect(second).toHaveTextContent('Cat Agent');
    expect(screen.getByTestId('call-talk-c-2')).toHaveTextContent('1:02:05');
    // hung up by the agent; an outbound call has no queue
    const secondCells = within(second)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(secondCells[4]).toBe('—');
    expect(secondCells[9]).toBe('Agent');
    // no recording: no player
    expect(screen.queryByTestId('call-play-c-2')).not.toBeInTheDocument();
    expect(callPaths(calls)).toEqual(['GET /api/v1/calls?limit=50']);
  });

  it('loads the next page with the cursor the server gave', async () => {
    const { calls } = await openCalls();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('calls-load-more'));
    const third = await screen.findByTestId('call-row-c-3');
    expect(third).toHaveTextContent('ABANDONED');
    expect(third).toHaveTextContent('487');
    expect(screen.getByTestId('call-wait-c-3')).toHaveTextContent('01:02');
    expect(within(screen.getByTestId('calls-table')).getAllByRole('row')).toHaveLength(4);
    // the last page has no `next`
    expect(screen.queryByTestId('calls-load-more')).not.toBeInTheDocument();
    expect(callPaths(calls)).toEqual(['GET /api/v1/calls?limit=50', 'GET /api/v1/calls?limit=50&after=c-2']);
  });

  it('filters by agent and by queue, from the first page again', async () => {
    const { calls } = await openCalls();
    const user = userEvent.setup();
    const agents = screen.getByTestId('calls-agent');
    expect(within(agents).getAllByRole('option').map((o) => o.textContent)).toEqual(['All agents', 'Bob Agent', 'Cat Agent']);
    await user.selectOptions(agents, 'u-cat');
    await waitFor(() => expect(screen.queryByTestId('call-row-c-1')).not.toBeInTheDocument());
    expect(screen.getByTestId('call-row-c-2')).toBeInTheDocument();

    await user.selectOptions(agents, '');
    await user.selectOptions(screen.getByTestId('calls-queue'), 'q-support');
    expect(await screen.findByTestId('call-row-c-3')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('call-row-c-1')).not.toBeInTheDocument());
    expect(screen.queryByTestId('call-row-c-2')).not.toBeInTheDocument();

    await user.selectOptions(agents, 'u-cat');
    expect(await screen.findByTestId('calls-empty')).toHaveTextContent('No calls match these filters.');
    expect(callPaths(calls)).toEqual([
      'GET /api/v1/calls?limit=50',
      'GET /api/v1/calls?agentId=u-cat&limit=50',
      'GET /api/v1/calls?limit=50',
      'GET /api/v1/calls?queueId=q-support&limit=50',
      'GET /api/v1/calls?agentId=u-cat&queueId=q-support&limit=50',
    ]);
  });

  it('fetches a recording with the access token only when Play is clicked, and revokes it when leaving', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:recording-c-1';
    });
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { calls, unmount } = await openCalls();
    // nothing is fetched before the user asks
    expect(calls.some((c) => c.path.endsWith('/recording'))).toBe(false);
    expect(screen.queryByTestId('call-audio-c-1')).not.toBeInTheDocument();

    await userEvent.setup().click(screen.getByTestId('call-play-c-1'));

    const audio = await screen.findByTestId('call-audio-c-1');
    expect(audio.tagName).toBe('AUDIO');
    expect(audio).toHaveAttribute('src', 'blob:recording-c-1');
    expect(audio).toHaveAttribute('controls');
    expect(audio).toHaveAttribute('preload', 'none');
    const recording = calls.filter((c) => c.path.endsWith('/recording'));
    expect(recording).toEqual([
      { method: 'GET', path: '/api/v1/calls/c-1/recording', body: undefined, authorization: 'Bearer access-1' },
    ]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(created[0].size).toBe(4);
    expect(created[0].type).toBe('audio/wav');
    await waitFor(() => expect(play).toHaveBeenCalledTimes(1));
    // the download link reuses the fetched recording
    const download = screen.getByTestId('call-download-c-1');
    expect(download.tagName).toBe('A');
    expect(download).toHaveAttribute('href', 'blob:recording-c-1');
    expect(download).toHaveAttribute('download', 'c-1.wav');
    expect(revokeObjectURL).not.toHaveBeenCalled();

    unmount();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:recording-c-1');
  });

  it('downloads a recording fetched with the access token', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:download-c-1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const download = vi.spyOn(browser, 'download').mockImplementation(() => undefined);
    const { calls } = await openCalls();
    const button = screen.getByTestId('call-download-c-1');
    expect(button.tagName).toBe('BUTTON');
    await userEvent.setup().click(button);

    await waitFor(() => expect(download).toHaveBeenCalledWith('blob:download-c-1', 'c-1.wav'));
    expect(calls.filter((c) => c.path.endsWith('/recording')).map((c) => c.authorization)).toEqual(['Bearer access-1']);
    expect(screen.getByTestId('call-download-c-1')).toHaveAttribute('href', 'blob:download-c-1');
  });

  it('says why a recording cannot be played', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL');
    await openCalls({
      'GET /api/v1/calls/c-1/recording': () => problem(404, { title: 'Not Found', detail: 'The call has no recording.' }),
    });
    await userEvent.setup().click(screen.getByTestId('call-play-c-1'));
    expect(await screen.findByTestId('call-recording-error-c-1')).toHaveTextContent('The call has no recording.');
    expect(screen.queryByTestId('call-audio-c-1')).not.toBeInTheDocument();
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('shows an error when the calls cannot be loaded', async () => {
    renderApp(callsApi({ 'GET /api/v1/calls': () => problem(400, { detail: 'The cursor is not valid.' }) }), {
      path: '/admin/calls',
      session: sessionWith({ roles: ['ADMIN'] }),
    });
    expect(await screen.findByTestId('calls-error')).toHaveTextContent('The cursor is not valid.');
  });
});
