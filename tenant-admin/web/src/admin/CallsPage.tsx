import { useEffect, useMemo, useRef, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { Agent, CallRecord, Queue, User } from '../api/types';
import { dispositionBadge } from '../components/callFormat';
import { ErrorMessage, SelectField } from '../components/forms';
import { useTitle } from '../components/useTitle';
import { moment } from './billingFormat';
import { CallRecording } from './CallRecording';
import { formatClock } from './RealtimePage';
import { useShell } from './shellContext';

export const CALLS_PAGE_SIZE = 50;

const DIRECTION_LABEL: Record<string, string> = { INBOUND: 'Inbound', OUTBOUND: 'Outbound' };

const HANGUP_LABEL: Record<string, string> = { CALLER: 'Caller', AGENT: 'Agent', SYSTEM: 'System' };

/** The call detail records, newest first, by agent and queue, with their recordings. */
export function CallsPage() {
  useTitle('Calls');
  const api = useApi();
  const { me } = useShell();
  const manager = me.roles.includes('ADMIN') || me.roles.includes('SUPERVISOR');
  const [agentId, setAgentId] = useState('');
  const [queueId, setQueueId] = useState('');
  const [calls, setCalls] = useState<CallRecord[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queues, setQueues] = useState<Queue[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  /** The "Load more" under way, dropped when the filters change. */
  const more = useRef<AbortController | null>(null);

  // names for the filters and the columns: a courtesy, the records show ids without them
  useEffect(() => {
    const abort = new AbortController();
    const ignore = () => undefined;
    api
      .allQueues(abort.signal)
      .then((q) => setQueues([...q].sort((a, b) => a.name.localeCompare(b.name))))
      .catch(ignore);
    if (manager) {
      api.allAgents(abort.signal).then(setAgents).catch(ignore);
      api.allUsers(abort.signal).then(setUsers).catch(ignore);
    }
    return () => abort.abort();
  }, [api, manager]);

  useEffect(() => {
    const abort = new AbortController();
    more.current?.abort();
    more.current = null;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    setCalls([]);
    setNext(null);
    api
      .listCalls({ agentId, queueId }, null, CALLS_PAGE_SIZE, abort.signal)
      .then((page) => {
        setCalls(page.items);
        setNext(page.next ?? null);
      })
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setError(problemOf(e).detail);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [api, agentId, queueId]);

  useEffect(() => () => more.current?.abort(), []);

  async function loadMore() {
    if (!next || more.current) return;
    const controller = new AbortController();
    more.current = controller;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await api.listCalls({ agentId, queueId }, next, CALLS_PAGE_SIZE, controller.signal);
      if (controller.signal.aborted) return;
      setCalls((current) => {
        const seen = new Set(current.map((c) => c.id));
        return [...current, ...page.items.filter((c) => !seen.has(c.id))];
      });
      setNext(page.next && page.next !== next ? page.next : null);
    } catch (e) {
      if (!isAbort(e) && !controller.signal.aborted) setError(problemOf(e).detail);
    } finally {
      if (more.current === controller) {
        more.current = null;
        setLoadingMore(false);
      }
    }
  }

  const userNames = useMemo(() => new Map(users.map((u) => [u.id, u.name])), [users]);
  const queueNames = useMemo(() => new Map(queues.map((q) => [q.id, q.name])), [queues]);
  // an agent's id is their user's id
  const agentName = (id: string) => userNames.get(id) ?? id;
  const agentOptions = useMemo(
    () =>
      agents
        .map((a) => ({ id: a.id, name: userNames.get(a.userId) ?? a.userId }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [agents, userNames],
  );

  const filtered = agentId !== '' || queueId !== '';

  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">Calls</h1>
      <p className="lead">
        Every call that ended, newest first: who called whom, how long the caller waited and talked, how it ended
        and, for queues that record, its recording.
      </p>
      <div className="card">
        <form className="filters" role="search" aria-label="Filter the calls" onSubmit={(e) => e.preventDefault()}>
          {agentOptions.length > 0 ? (
            <SelectField
              id="calls-agent"
              label="Agent"
              testId="calls-agent"
              value={agentId}
              onChange={(e) => setAgentId(e.target.value)}
            >
              <option value="">All agents</option>
              {agentOptions.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {queues.length > 0 ? (
            <SelectField
              id="calls-queue"
              label="Queue"
              testId="calls-queue"
              value={queueId}
              onChange={(e) => setQueueId(e.target.value)}
            >
              <option value="">All queues</option>
              {queues.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </form>
        <ErrorMessage message={error} testId="calls-error" />
        <div className="table-wrap">
          <table className="table table--compact" data-testid="calls-table" aria-busy={loading}>
            <caption className="visually-hidden">Calls, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Direction</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Queue</th>
                <th scope="col">Agent</th>
                <th scope="col">Wait</th>
                <th scope="col">Talk</th>
                <th scope="col">Disposition</th>
                <th scope="col">Hung up by</th>
                <th scope="col">SIP cause</th>
                <th scope="col">Recording</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => {
                const started = moment(c.startedAt);
                return (
                  <tr key={c.id} data-testid={`call-row-${c.id}`}>
                    <td className="nowrap">
                      <time dateTime={c.startedAt}>{started}</time>
                    </td>
                    <td>{DIRECTION_LABEL[c.direction] ?? c.direction}</td>
                    <td className="nowrap">{c.from}</td>
                    <td className="nowrap">{c.to}</td>
                    <td>{c.queueId ? (queueNames.get(c.queueId) ?? c.queueId) : <span className="muted">—</span>}</td>
                    <td>{c.agentId ? agentName(c.agentId) : <span className="muted">—</span>}</td>
                    <td className="nowrap metric" data-testid={`call-wait-${c.id}`}>
                      {formatClock(c.waitSeconds)}
                    </td>
                    <td className="nowrap metric" data-testid={`call-talk-${c.id}`}>
                      {formatClock(c.talkSeconds)}
                    </td>
                    <td>
                      <span className={dispositionBadge(c.disposition)}>{c.disposition}</span>
                    </td>
                    <td>{HANGUP_LABEL[c.hangupSide] ?? c.hangupSide}</td>
                    <td className="metric">{c.sipCause}</td>
                    <td>
                      {c.hasRecording ? (
                        <CallRecording callId={c.id} label={`the call from ${c.from} on ${started}`} />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
              {!loading && calls.length === 0 && !error ? (
                <tr>
                  <td colSpan={12} className="muted" data-testid="calls-empty">
                    {filtered ? 'No calls match these filters.' : 'No calls yet.'}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        {loading ? (
          <p className="muted" role="status">
            Loading calls…
          </p>
        ) : null}
        {next && !loading ? (
          <div className="card__footer">
            <button
              type="button"
              className="button"
              data-testid="calls-load-more"
              onClick={loadMore}
              disabled={loadingMore}
            >
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
