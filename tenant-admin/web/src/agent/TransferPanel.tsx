import type { Call } from '@callisto/softphone';
import { useEffect, useState } from 'react';
import { useApi, useSession } from '../api/context';
import type { Queue } from '../api/types';
import type { SoftphoneLike } from './softphoneContext';

type Kind = 'queue' | 'agent';

interface AgentOption {
  id: string;
  name: string;
}

/** The agents to transfer to, with their names where the user may read them; null when the user may not list them. */
function useAgentOptions(self: string | null): AgentOption[] | null {
  const api = useApi();
  const session = useSession();
  const permitted = Boolean(session?.roles.some((r) => r === 'ADMIN' || r === 'SUPERVISOR'));
  const [agents, setAgents] = useState<AgentOption[] | null>(null);

  useEffect(() => {
    if (!permitted) return undefined;
    const abort = new AbortController();
    // the user list (ADMIN) only adds names: without it the agents go by id
    void Promise.allSettled([api.allAgents(abort.signal), api.allUsers(abort.signal)]).then(([agentList, users]) => {
      if (abort.signal.aborted || agentList.status !== 'fulfilled') return;
      const names = new Map(users.status === 'fulfilled' ? users.value.map((u) => [u.id, u.name]) : []);
      setAgents(
        agentList.value.filter((a) => a.id !== self).map((a) => ({ id: a.id, name: names.get(a.userId) ?? a.id })),
      );
    });
    return () => abort.abort();
  }, [api, permitted, self]);

  return agents;
}

/**
 * Transfer controls: blind to a queue or an agent, or attended (consult an agent first). Picks from the tenant's
 * queues and agents when the user may list them, else takes an id typed in.
 */
export function TransferPanel({
  phone,
  call,
  self,
  queues,
}: {
  phone: SoftphoneLike;
  call: Call;
  self: string | null;
  queues: Queue[] | null;
}) {
  const agents = useAgentOptions(self);
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
