import type { Call } from '@callisto/softphone';
import { useState } from 'react';
import type { Colleague, Queue } from '../api/types';
import type { SoftphoneLike } from './softphoneContext';

type Kind = 'queue' | 'agent';

/**
 * Transfer controls: blind to a queue or an agent, or attended (consult an agent first). Picks from the tenant's
 * queues and its agents by name, else (when they cannot be read) takes an id typed in.
 */
export function TransferPanel({
  phone,
  call,
  self,
  queues,
  colleagues,
}: {
  phone: SoftphoneLike;
  call: Call;
  self: string | null;
  queues: Queue[] | null;
  /** The tenant's agents by name (see useColleagues); null while unknown. */
  colleagues: Colleague[] | null;
}) {
  const agents = colleagues?.filter((c) => c.id !== self) ?? null;
  const [kind, setKind] = useState<Kind>('queue');
  const [target, setTarget] = useState('');
  const options = kind === 'queue' ? (queues?.map((q) => ({ id: q.id, name: q.name })) ?? null) : agents;
  const id = target.trim();

  function changeKind(next: Kind) {
    setKind(next);
    setTarget('');
  }

  function blind() {
    if (id === '') return;
    phone.transfer(call.callId, kind === 'queue' ? { queueId: id } : { agentId: id });
  }

  return (
    <fieldset className="transfer" data-testid="transfer-panel">
      <legend>Transfer the call</legend>
      <div className="transfer__row">
        <div className="field">
          <label htmlFor="transfer-kind">To</label>
          <select id="transfer-kind" data-testid="transfer-kind" value={kind} onChange={(e) => changeKind(e.target.value as Kind)}>
            <option value="queue">A queue</option>
            <option value="agent">An agent</option>
          </select>
        </div>
        <div className="field transfer__target">
          <label htmlFor="transfer-target">{kind === 'queue' ? 'Queue' : 'Agent'}</label>
          {options ? (
            <select id="transfer-target" data-testid="transfer-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="transfer-target"
              data-testid="transfer-target"
              value={target}
              autoComplete="off"
              spellCheck={false}
              placeholder={kind === 'queue' ? 'Queue id' : 'Agent id'}
              onChange={(e) => setTarget(e.target.value)}
            />
          )}
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="button button--small" data-testid="transfer-blind" disabled={id === ''} onClick={blind}>
          Transfer now
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="transfer-consult"
          disabled={id === '' || kind !== 'agent' || Boolean(call.consult)}
          title={kind !== 'agent' ? 'Consult an agent: choose an agent first' : undefined}
          onClick={() => phone.consult(call.callId, id)}
        >
          Consult first
        </button>
      </div>
    </fieldset>
  );
}

/** An attended transfer in progress: who is consulted, and complete or cancel. */
export function ConsultStatus({ phone, call, agentName }: { phone: SoftphoneLike; call: Call; agentName?: string }) {
  if (!call.consult) return null;
  const who = agentName ?? call.consult.agentId;
  return (
    <div className="alert alert--info consult" role="status" data-testid="consult-status" data-state={call.consult.state}>
      <p>
        {call.consult.state === 'ringing' ? `Calling ${who}… the caller is on hold.` : `Talking to ${who}; the caller is on hold.`}
      </p>
      <div className="button-row">
        <button type="button" className="button button--small button--primary" data-testid="transfer-complete" onClick={() => phone.completeTransfer(call.callId)}>
          Complete transfer
        </button>
        <button type="button" className="button button--small" data-testid="transfer-cancel" onClick={() => phone.cancelConsult(call.callId)}>
          Back to the caller
        </button>
      </div>
    </div>
  );
}
