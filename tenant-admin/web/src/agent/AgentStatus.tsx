import type { AgentStateInfo, ConnectionInfo, SettableState } from '@callisto/softphone';
import { useEffect, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import type { AwayReason } from '../api/types';
import { StateBadge } from '../admin/RealtimePage';
import { connectionText } from './format';
import type { SoftphoneLike } from './softphoneContext';

/** The softphone's connection, as the admin wallboard shows its own (a dot and a sentence). */
export function ConnectionIndicator({ connection }: { connection: ConnectionInfo }) {
  const tone = connection.state === 'connected' ? 'open' : connection.state === 'connecting' ? 'connecting' : 'closed';
  return (
    <p className={`live live--${tone}`} data-testid="softphone-connection" data-state={connection.state} role="status">
      <span className="live__dot" aria-hidden="true" />
      {connectionText(connection)}
    </p>
  );
}

const CHOICES: Array<{ state: SettableState; label: string; testId: string }> = [
  { state: 'AVAILABLE', label: 'Available', testId: 'state-available' },
  { state: 'AWAY', label: 'Away', testId: 'state-away' },
  { state: 'OFFLINE', label: 'Offline', testId: 'state-offline' },
];

/** The agent's state as the ACD has it, and the buttons to change it (Away with one of the tenant's reasons). */
export function AgentStatus({ phone, agentState }: { phone: SoftphoneLike; agentState: AgentStateInfo | null }) {
  const api = useApi();
  const [reasons, setReasons] = useState<AwayReason[]>([]);
  const [reason, setReason] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    api
      .awayReasons(abort.signal)
      .then((r) => {
        if (!abort.signal.aborted) setReasons(r.items);
      })
      .catch((e: unknown) => {
        // without the tenant's reasons, Away goes without one
        if (!isAbort(e)) setReasons([]);
      });
    return () => abort.abort();
  }, [api]);

  const current = agentState?.state ?? null;

  function changeReason(next: string) {
    setReason(next);
    // already away: the new reason applies at once
    if (current === 'AWAY' && next !== '' && next !== agentState?.reason) phone.setState('AWAY', next);
  }
  const reasonLabel = agentState?.reason
    ? (reasons.find((r) => r.code === agentState.reason)?.label ?? agentState.reason)
    : null;

  return (
    <section className="card desk__status" aria-labelledby="status-title">
      <div className="desk__status-head">
        <h2 id="status-title">Your status</h2>
        {current ? (
          <StateBadge state={current} testId="agent-state" />
        ) : (
          <span className="state state--offline" data-testid="agent-state" data-state="">
            Unknown
          </span>
        )}
        {reasonLabel ? (
          <span className="muted small" data-testid="agent-state-reason">
            {reasonLabel}
          </span>
        ) : null}
      </div>
      <div className="desk__status-controls">
        <div className="button-row" role="group" aria-label="Set your status">
          {CHOICES.map((c) => (
            <button
              key={c.state}
              type="button"
              className={`button button--small${current === c.state ? ' button--primary' : ''}`}
              data-testid={c.testId}
              aria-pressed={current === c.state}
              onClick={() => phone.setState(c.state, c.state === 'AWAY' && reason ? reason : undefined)}
            >
              {c.label}
            </button>
          ))}
        </div>
        <div className="field desk__reason">
          <label htmlFor="away-reason">Away reason</label>
          <select id="away-reason" data-testid="away-reason" value={reason} onChange={(e) => changeReason(e.target.value)}>
            <option value="">No reason</option>
            {reasons.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
