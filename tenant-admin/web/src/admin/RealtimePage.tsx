import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { EventStream, type ConnectionState } from '../api/events';
import { problemOf } from '../api/problem';
import {
  AGENT_STATES,
  type AgentStateChanged,
  type AwayReason,
  type EventMessage,
  type RealtimeQueue,
  type RealtimeStats,
  type SetAgentStateRequest,
  type User,
} from '../api/types';
import { ErrorMessage } from '../components/forms';
import { useTitle } from '../components/useTitle';
import { confirmer } from './confirm';
import { useShell } from './shellContext';

/** How often the page asks for the numbers while the events socket is down. */
export const POLL_INTERVAL_MS = 5_000;

export const STATE_LABEL: Record<string, string> = {
  OFFLINE: 'Offline',
  AVAILABLE: 'Available',
  AWAY: 'Away',
  RESERVED: 'Reserved',
  RINGING: 'Ringing',
  BUSY: 'Busy',
  WRAP_UP: 'Wrap-up',
};

function stateLabel(state: string): string {
  return STATE_LABEL[state] ?? state;
}

/** `65` → `01:05`; `3725` → `1:02:05`. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** `0.857` → `86%`; a missing ratio → `—`. */
export function percent(ratio: number | null | undefined): string {
  return typeof ratio === 'number' && Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : '—';
}

function isStats(value: unknown): value is RealtimeStats {
  return (
    !!value &&
    typeof value === 'object' &&
    Array.isArray((value as RealtimeStats).queues) &&
    Array.isArray((value as RealtimeStats).agents)
  );
}

/** Whether `next` may replace `current`: not when it was taken earlier (a slow poll after a pushed update). */
function supersedes(current: RealtimeStats | null, next: RealtimeStats): boolean {
  if (!current) return true;
  const a = Date.parse(current.at);
  const b = Date.parse(next.at);
  return Number.isNaN(a) || Number.isNaN(b) || b >= a;
}

function shift(counts: RealtimeQueue['agents'], from: string | null, to: string): RealtimeQueue['agents'] {
  const copy = { ...counts };
  if (from && from in copy) copy[from] = Math.max(0, (copy[from] ?? 0) - 1);
  // a queue that does not count offline agents is not made to
  if (to !== 'OFFLINE' || 'OFFLINE' in copy) copy[to] = (copy[to] ?? 0) + 1;
  return copy;
}

/**
 * A snapshot with an agent's state change applied: the agent's row, and the agent counts of the
 * queues the agent belongs to (when the memberships are known). Applying the same change twice
 * changes nothing more, since the previous state is read from the snapshot.
 */
export function applyAgentChange(
  stats: RealtimeStats,
  change: AgentStateChanged,
  at: string,
  memberships: ReadonlyMap<string, readonly string[]> | null,
): RealtimeStats {
  const reason = change.reason ?? null;
  const current = stats.agents.find((a) => a.agentId === change.agentId);
  const from = current ? current.state : (change.from ?? null);
  const agents = current
    ? stats.agents.map((a) =>
        a.agentId === change.agentId
          ? { ...a, state: change.to, reason, since: a.state === change.to && a.reason === reason ? a.since : at }
          : a,
      )
    : [...stats.agents, { agentId: change.agentId, state: change.to, reason, since: at }];
  let queues = stats.queues;
  const member = memberships?.get(change.agentId);
  if (member && from !== change.to) {
    const ids = new Set(member);
    queues = stats.queues.map((q) => (ids.has(q.queueId) ? { ...q, agents: shift(q.agents ?? {}, from, change.to) } : q));
  }
  return { ...stats, agents, queues };
}

/** The time, updated every second, and a way to update it at once (when new numbers arrive). */
function useNow(intervalMs = 1000): [number, () => void] {
  const [now, setNow] = useState(() => Date.now());
  const touch = useCallback(() => setNow(Date.now()), []);
  useEffect(() => {
    const id = setInterval(touch, intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, touch]);
  return [now, touch];
}

/** The supervisor wallboard: queues and agents as they are now, kept live by the events socket. */
export function RealtimePage() {
  useTitle('Realtime');
  const api = useApi();
  const { me } = useShell();
  const canSetState = me.roles.includes('ADMIN') || me.roles.includes('SUPERVISOR');
  /** The numbers, and the server's clock minus this browser's when they came (times tick on the server's clock). */
  const [board, setBoard] = useState<{ stats: RealtimeStats; skew: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [everOpen, setEverOpen] = useState(false);
  const opened = useRef(false);
  const [users, setUsers] = useState<ReadonlyMap<string, User>>(new Map());
  const [reasons, setReasons] = useState<AwayReason[]>([]);
  const [acting, setActing] = useState<string | null>(null);
  /** agentId → queueIds, to move the queue counts on a state change (null when unknown). */
  const memberships = useRef<Map<string, string[]> | null>(null);
  const [now, touch] = useNow();
  const stats = board?.stats ?? null;
  const serverNow = now + (board?.skew ?? 0);

  const applySnapshot = useCallback((next: RealtimeStats) => {
    const received = Date.now();
    const at = Date.parse(next.at);
    setBoard((current) =>
      supersedes(current?.stats ?? null, next)
        ? { stats: next, skew: Number.isNaN(at) ? (current?.skew ?? 0) : at - received }
        : current,
    );
    touch();
  }, [touch]);

  const applyChange = useCallback((change: AgentStateChanged, at: string | undefined) => {
    const received = Date.now();
    const known = memberships.current;
    setBoard((current) =>
      current
        ? {
            ...current,
            stats: applyAgentChange(current.stats, change, at ?? new Date(received + current.skew).toISOString(), known),
          }
        : current,
    );
    touch();
  }, [touch]);

  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      try {
        applySnapshot(await api.realtimeStats(signal));
        setError(null);
      } catch (e) {
        if (!isAbort(e) && !signal?.aborted) setError(problemOf(e).detail);
      }
    },
    [api, applySnapshot],
  );

  // the first numbers, the names, the memberships and the away reasons' labels
  useEffect(() => {
    const abort = new AbortController();
    refresh(abort.signal).finally(() => {
      if (!abort.signal.aborted) setLoading(false);
    });
    api
      .allUsers(abort.signal)
      .then((list) => setUsers(new Map(list.map((u) => [u.id, u]))))
      .catch(() => {
        // without names the wallboard shows agent ids
      });
    api
      .allAgents(abort.signal)
      .then((list) => {
        memberships.current = new Map(list.map((a) => [a.id, a.queueIds ?? []]));
      })
      .catch(() => {
        // queue counts then move with the next snapshot only
      });
    api
      .awayReasons(abort.signal)
      .then((r) => setReasons(r.items ?? []))
      .catch(() => {
        // reasons show as their codes, and "Set Away" goes without one
      });
    return () => abort.abort();
  }, [api, refresh]);

  // the events socket
  const onMessage = useRef<(m: EventMessage) => void>(() => {});
  onMessage.current = (m: EventMessage) => {
    if (m.type === 'stats.realtime') {
      if (isStats(m.data)) applySnapshot(m.data);
    } else if (m.type === 'agent.state_changed') {
      const d = m.data as AgentStateChanged | null;
      if (d && typeof d.agentId === 'string' && typeof d.to === 'string') applyChange(d, m.at);
    }
    // hello and interaction.* carry nothing the wallboard shows
  };
  useEffect(() => {
    const stream = new EventStream({
      url: () => api.eventsUrl(),
      onMessage: (m) => onMessage.current(m),
      onState: setConnection,
    });
    stream.start();
    return () => stream.stop();
  }, [api]);

  // back after a drop: catch up at once rather than wait for the next push
  const live = connection === 'open';
  useEffect(() => {
    if (!live) return;
    if (opened.current) {
      void refresh();
    } else {
      opened.current = true;
      setEverOpen(true);
    }
  }, [live, refresh]);

  // while the socket is down, poll
  useEffect(() => {
    if (live) return;
    const abort = new AbortController();
    const id = setInterval(() => void refresh(abort.signal), POLL_INTERVAL_MS);
    return () => {
      clearInterval(id);
      abort.abort();
    };
  }, [live, refresh]);

  const reasonLabels = useMemo(() => new Map(reasons.map((r) => [r.code, r.label])), [reasons]);
  const nameOf = useCallback((agentId: string) => users.get(agentId)?.name ?? agentId, [users]);
  const agents = useMemo(
    () => [...(stats?.agents ?? [])].sort((a, b) => nameOf(a.agentId).localeCompare(nameOf(b.agentId))),
    [stats, nameOf],
  );

  async function setState(agentId: string, request: SetAgentStateRequest) {
    const name = nameOf(agentId);
    if (request.state === 'OFFLINE' && !confirmer.confirm(`Log ${name} out? They stop receiving interactions.`)) {
      return;
    }
    setActing(agentId);
    setActionError(null);
    try {
      const result = await api.setAgentState(agentId, request);
      applyChange(
        {
          agentId,
          from: null,
          to: result?.state ?? request.state,
          reason: result ? result.reason : (request.reason ?? null),
        },
        result?.since,
      );
    } catch (e) {
      setActionError(`${name}: ${problemOf(e).detail}`);
    } finally {
      setActing(null);
    }
  }

  const snapshotAge = stats ? Math.max(0, (serverNow - Date.parse(stats.at)) / 1000) : 0;

  return (
    <section aria-labelledby="realtime-title">
      <div className="page-head">
        <h1 id="realtime-title">Realtime</h1>
        <ConnectionIndicator state={connection} everOpen={everOpen} />
      </div>
      <p className="lead">
        Your queues and agents right now.
        {stats && !Number.isNaN(Date.parse(stats.at)) ? (
          <span className="muted" data-testid="realtime-updated">
            {' '}
            Updated {new Date(stats.at).toLocaleTimeString()}.
          </span>
        ) : null}
      </p>
      <ErrorMessage message={error} testId="realtime-error" />
      {loading && !stats ? (
        <p className="muted" role="status">
          Loading the wallboard…
        </p>
      ) : null}
      {stats ? (
        <>
          <div className="card section-card">
            <h2>Queues</h2>
            <div className="table-wrap">
              <table className="table" data-testid="realtime-queues">
                <caption className="visually-hidden">Queues now</caption>
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Longest wait</th>
                    <th scope="col">Agents</th>
                    <th scope="col">Service level</th>
                    <th scope="col">Abandoned</th>
                    <th scope="col">Answered</th>
                    <th scope="col">Avg handle</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.queues.map((q) => (
                    <tr key={q.queueId} data-testid={`rt-queue-${q.queueId}`}>
                      <td>
                        <strong>{q.name}</strong>
                      </td>
                      <td className={q.waiting > 0 ? 'metric metric--hot' : 'metric'} data-testid={`rt-queue-${q.queueId}-waiting`}>
                        {q.waiting}
                      </td>
                      <td className="metric nowrap" data-testid={`rt-queue-${q.queueId}-longest`}>
                        {q.waiting > 0 ? formatClock(q.longestWaitSeconds + snapshotAge) : <span className="muted">—</span>}
                      </td>
                      <td data-testid={`rt-queue-${q.queueId}-agents`}>
                        <StateCounts counts={q.agents} />
                      </td>
                      <td className="metric" data-testid={`rt-queue-${q.queueId}-sl`}>
                        {percent(q.serviceLevel)}
                      </td>
                      <td className="metric" data-testid={`rt-queue-${q.queueId}-abandoned`}>
                        {percent(q.abandonmentRate)}
                        {typeof q.abandoned === 'number' ? <span className="muted small"> ({q.abandoned})</span> : null}
                      </td>
                      <td className="metric">{q.answered ?? '—'}</td>
                      <td className="metric nowrap">
                        {typeof q.averageHandleSeconds === 'number' ? formatClock(q.averageHandleSeconds) : '—'}
                      </td>
                    </tr>
                  ))}
                  {stats.queues.length === 0 ? (
                    <tr>
                      <td colSpan={8} className="muted">
                        No queues yet.
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </div>
          <div className="card section-card">
            <h2>Agents</h2>
            <ErrorMessage message={actionError} testId="realtime-action-error" />
            <div className="table-wrap">
              <table className="table" data-testid="realtime-agents">
                <caption className="visually-hidden">Agents now</caption>
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col">State</th>
                    <th scope="col">Time in state</th>
                    <th scope="col">Reason</th>
                    {canSetState ? (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {agents.map((a) => {
                    const since = Date.parse(a.since);
                    const name = nameOf(a.agentId);
                    return (
                      <tr key={a.agentId} data-testid={`rt-agent-${a.agentId}`}>
                        <td>{name}</td>
                        <td>
                          <StateBadge state={a.state} testId={`rt-agent-${a.agentId}-state`} />
                        </td>
                        <td className="metric nowrap" data-testid={`rt-agent-${a.agentId}-time`}>
                          {Number.isNaN(since) ? '—' : formatClock((serverNow - since) / 1000)}
                        </td>
                        <td data-testid={`rt-agent-${a.agentId}-reason`}>
                          {a.reason ? reasonLabels.get(a.reason) ?? a.reason : <span className="muted">—</span>}
                        </td>
                        {canSetState ? (
                          <td className="table__actions">
                            <ActionMenu
                              label={acting === a.agentId ? 'Working…' : 'Actions'}
                              menuLabel={`Actions for ${name}`}
                              testId={`rt-agent-${a.agentId}-actions`}
                              disabled={acting !== null}
                              items={[
                                ...(reasons.length > 0
                                  ? reasons.map((r) => ({
                                      label: `Set Away: ${r.label}`,
                                      testId: `rt-agent-${a.agentId}-away-${r.code}`,
                                      disabled: a.state === 'OFFLINE',
                                      onSelect: () => void setState(a.agentId, { state: 'AWAY', reason: r.code }),
                                    }))
                                  : [
                                      {
                                        label: 'Set Away',
                                        testId: `rt-agent-${a.agentId}-away`,
                                        disabled: a.state === 'OFFLINE',
                                        onSelect: () => void setState(a.agentId, { state: 'AWAY' }),
                                      },
                                    ]),
                                {
                                  label: 'Log out',
                                  testId: `rt-agent-${a.agentId}-logout`,
                                  disabled: a.state === 'OFFLINE',
                                  onSelect: () => void setState(a.agentId, { state: 'OFFLINE' }),
                                },
                              ]}
                            />
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                  {agents.length === 0 ? (
                    <tr>
                      <td colSpan={canSetState ? 5 : 4} className="muted">
                        No agents yet.
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ConnectionIndicator({ state, everOpen }: { state: ConnectionState; everOpen: boolean }) {
  let text: string;
  if (state === 'open') text = 'Live';
  else if (!everOpen && state === 'connecting') text = 'Connecting…';
  else text = `Reconnecting — updating every ${POLL_INTERVAL_MS / 1000} s`;
  return (
    <p className={`live live--${state}`} data-testid="realtime-connection" data-state={state} role="status">
      <span className="live__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  return (
    <span className={`state state--${state.toLowerCase().replace(/[^a-z]/g, '')}`} data-testid={testId} data-state={state}>
      <span className="state__dot" aria-hidden="true" />
      {stateLabel(state)}
    </span>
  );
}

function StateCounts({ counts }: { counts: RealtimeQueue['agents'] | null | undefined }) {
  const entries = Object.entries(counts ?? {}).filter(([, n]) => typeof n === 'number' && n > 0) as [string, number][];
  const order = (s: string) => {
    const i = (AGENT_STATES as readonly string[]).indexOf(s);
    return i < 0 ? AGENT_STATES.length : i;
  };
  entries.sort(([a], [b]) => order(a) - order(b));
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <span className="tags">
      {entries.map(([state, n]) => (
        <span
          key={state}
          className={`state state--${state.toLowerCase().replace(/[^a-z]/g, '')} state--count`}
          data-state={state}
          title={`${n} ${stateLabel(state).toLowerCase()}`}
        >
          {stateLabel(state)} <strong>{n}</strong>
        </span>
      ))}
    </span>
  );
}

interface MenuItem {
  label: string;
  testId: string;
  disabled?: boolean;
  onSelect: () => void;
}

/** A button that opens a small menu of actions (keyboard: arrows, Escape). */
function ActionMenu({
  label,
  menuLabel,
  testId,
  items,
  disabled,
}: {
  label: string;
  menuLabel: string;
  testId: string;
  items: MenuItem[];
  disabled?: boolean;
}) {
  // where the menu shows: fixed under the button, so that the table's scroll box does not clip it
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const open = at !== null;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  function toggle() {
    if (open) {
      setAt(null);
      return;
    }
    const rect = button.current?.getBoundingClientRect();
    setAt({
      top: (rect?.bottom ?? 0) + 4,
      right: Math.max(0, document.documentElement.clientWidth - (rect?.right ?? 0)),
    });
  }

  useEffect(() => {
    if (!open) return;
    const close = () => setAt(null);
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onDown);
    // a fixed menu would drift from its button
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [open]);

  function onKeyDown(e: ReactKeyboardEvent<HTMLUListElement>) {
    const all = Array.from(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setAt(null);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' && all.length > 0) {
      e.preventDefault();
      all[(at + 1) % all.length].focus();
    } else if (e.key === 'ArrowUp' && all.length > 0) {
      e.preventDefault();
      all[(at - 1 + all.length) % all.length].focus();
    }
  }

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={menuLabel}
        data-testid={testId}
        disabled={disabled}
        onClick={toggle}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul
          className="menu__list"
          role="menu"
          id={id}
          aria-label={menuLabel}
          onKeyDown={onKeyDown}
          style={{ top: at.top, right: at.right }}
        >
          {items.map((item) => (
            <li key={item.testId} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu__item"
                data-testid={item.testId}
                disabled={item.disabled}
                onClick={() => {
                  setAt(null);
                  button.current?.focus();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
