import { useEffect, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { CallRecord } from '../api/types';
import { dispositionBadge } from '../components/callFormat';
import { moment } from '../admin/billingFormat';
import { formatClock } from '../admin/RealtimePage';
import { otherParty } from './format';

export const RECENT_CALLS = 10;

/** The agent's last calls (`GET /calls?agentId=`), read again whenever `refresh` changes (a call ended). */
export function RecentCalls({ agentId, refresh }: { agentId: string | null; refresh: number }) {
  const api = useApi();
  const [calls, setCalls] = useState<CallRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!agentId) return undefined;
    const abort = new AbortController();
    api
      .listCalls({ agentId }, null, RECENT_CALLS, abort.signal)
      .then((page) => {
        if (abort.signal.aborted) return;
        setCalls(page.items);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(problemOf(e).detail);
      });
    return () => abort.abort();
  }, [api, agentId, refresh]);

  return (
    <section className="card desk__recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent calls</h2>
      {error ? (
        <p className="alert alert--error" role="alert" data-testid="recent-calls-error">
          {error}
        </p>
      ) : null}
      {calls && calls.length === 0 ? (
        <p className="muted" data-testid="recent-calls-empty">
          No calls yet.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table table--compact" data-testid="recent-calls" aria-busy={calls === null && !error}>
          <caption className="visually-hidden">Your recent calls, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Talk</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {(calls ?? []).map((c) => (
              <tr key={c.id} data-testid={`recent-call-${c.id}`}>
                <td className="nowrap">
                  <time dateTime={c.startedAt}>{moment(c.startedAt)}</time>
                </td>
                <td className="nowrap">
                  <span className="visually-hidden">{c.direction === 'OUTBOUND' ? 'To ' : 'From '}</span>
                  <span aria-hidden="true">{c.direction === 'OUTBOUND' ? '↗ ' : '↙ '}</span>
                  {otherParty({ direction: c.direction === 'OUTBOUND' ? 'outbound' : 'inbound', from: c.from, to: c.to })}
                </td>
                <td className="nowrap metric">{formatClock(c.talkSeconds)}</td>
                <td>
                  <span className={dispositionBadge(c.disposition)}>{c.disposition}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
