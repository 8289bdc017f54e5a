import type { EndedEvent } from '@callisto/softphone';
import { useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { Queue } from '../api/types';
import { ActiveCall } from './ActiveCall';
import { AgentStatus, ConnectionIndicator } from './AgentStatus';
import { DeviceSettings } from './DeviceSettings';
import { END_REASON_LABEL, errorText } from './format';
import { IncomingCall } from './IncomingCall';
import { OutboundDial } from './OutboundDial';
import { RecentCalls } from './RecentCalls';
import { useSoftphone } from './useSoftphone';
import { WrapUp, type WrapUpItem } from './WrapUp';

/**
 * Whether the agent talked to a customer on an ended call, so that its interaction waits for their wrap-up. Calls the
 * ACD delivered and calls the agent dialled are interactions alike; a dialled call nobody answered ends with nothing
 * to wrap up (it never got past ringing), and a colleague's consultation that ended without handing the caller over
 * is no interaction. A call the agent transferred is the next agent's to disposition: the agent only finishes their
 * wrap-up time.
 */
function talked(event: EndedEvent): boolean {
  return (
    event.call !== null &&
    event.reason !== 'transferred' &&
    !event.call.consultation &&
    (event.call.state === 'connected' || event.call.state === 'held')
  );
}

/**
 * The agent desktop: status, the ringing call with its screen pop, calls in progress with their controls,
 * wrap-up, outbound dialling, recent calls and audio devices, on the browser softphone.
 */
export function AgentDesktop() {
  const api = useApi();
  const { phone, view } = useSoftphone();
  const audio = useRef<HTMLAudioElement>(null);
  const [wrapUps, setWrapUps] = useState<WrapUpItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const [queues, setQueues] = useState<Queue[] | null>(null);
  const [queuesRead, setQueuesRead] = useState(0);

  useEffect(() => {
    phone.remoteAudio(audio.current);
    return () => phone.remoteAudio(null);
  }, [phone]);

  useEffect(() => {
    const offEnded = phone.on('ended', (event) => {
      if (talked(event)) {
        const item: WrapUpItem = { callId: event.callId, call: event.call, reason: event.reason };
        setWrapUps((items) => [...items.filter((i) => i.callId !== event.callId), item]);
        setNotice(null);
      } else {
        setNotice(END_REASON_LABEL[event.reason] ?? 'The call ended.');
      }
      setChanges((n) => n + 1);
    });
    const offError = phone.on('error', (event) => setError(errorText(event)));
    const offIncoming = phone.on('incoming', () => setNotice(null));
    return () => {
      offEnded();
      offError();
      offIncoming();
    };
  }, [phone]);

  useEffect(() => {
    const abort = new AbortController();
    api
      .allQueues(abort.signal)
      .then((q) => {
        if (!abort.signal.aborted) setQueues(q);
      })
      .catch((e: unknown) => {
        // queue names are a nicety: ids do without them
        if (!isAbort(e)) setQueues(null);
      });
    return () => abort.abort();
  }, [api, queuesRead]);

  const ringing = view.calls.filter((c) => c.direction === 'inbound' && c.state === 'ringing');
  const active = view.calls.filter((c) => !(c.direction === 'inbound' && c.state === 'ringing'));
  const queueName = (id: string | undefined) => (id ? (queues?.find((q) => q.id === id)?.name ?? id) : null);
  // the ACD refuses a call while the last one's wrap-up runs, whose disposition it would otherwise lose
  const wrappingUp = wrapUps.length > 0 || view.agentState?.state === 'WRAP_UP';

  function wrapped(callId: string, saved: boolean) {
    setWrapUps((items) => items.filter((i) => i.callId !== callId));
    setNotice(saved ? 'Wrap-up saved.' : 'Wrap-up finished.');
    setChanges((n) => n + 1);
  }

  return (
    <div className="desk__grid">
      <div className="desk__work">
        <div className="page-head">
          <h1 id="agent-title">Agent desktop</h1>
          <ConnectionIndicator connection={view.connection} />
        </div>
        <AgentStatus phone={phone} agentState={view.agentState} />
        {error ? (
          <div className="alert alert--error desk__alert" role="alert" data-testid="softphone-error">
            <p>{error}</p>
            <button type="button" className="button button--small button--ghost" onClick={() => setError(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
        <div className="desk__ringing" aria-live="assertive" aria-relevant="additions">
          {ringing.map((call) => (
            <IncomingCall key={call.callId} phone={phone} call={call} queueName={queueName(call.queueId)} onError={setError} />
          ))}
        </div>
        {active.map((call) => (
          <ActiveCall key={call.callId} phone={phone} call={call} self={view.agentId} queues={queues} onError={setError} />
        ))}
        {wrapUps.map((item) => (
          <WrapUp key={item.callId} item={item} agentId={view.agentId} onDone={wrapped} />
        ))}
        {view.agentState?.state === 'WRAP_UP' && wrapUps.length === 0 ? (
          <FinishWrapUp agentId={view.agentId} onError={setError} />
        ) : null}
        {notice ? (
          <p className="alert alert--info" role="status" data-testid="desk-notice">
            {notice}
          </p>
        ) : null}
        <OutboundDial
          phone={phone}
          disabled={active.length > 0 || wrappingUp}
          queues={queues}
          onQueueGone={() => setQueuesRead((n) => n + 1)}
          note={wrappingUp ? 'Finish your wrap-up to place a call: its notes would otherwise be lost.' : null}
        />
      </div>
      <aside className="desk__side" aria-label="Your calls and devices">
        <RecentCalls agentId={view.agentId} refresh={changes} />
        <DeviceSettings phone={phone} refresh={changes} />
      </aside>
      <audio ref={audio} autoPlay data-testid="remote-audio" />
    </div>
  );
}

/** Wrap-up without a form (the page was reloaded meanwhile): end it. */
function FinishWrapUp({ agentId, onError }: { agentId: string | null; onError: (message: string) => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);

  async function finish() {
    if (!agentId) return;
    setBusy(true);
    try {
      await api.finishWrapUp(agentId);
    } catch (e) {
      onError(problemOf(e).detail);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card wrapup" aria-labelledby="finish-wrapup-title">
      <h2 id="finish-wrapup-title">Wrap-up</h2>
      <p className="muted">You are wrapping up your last call. Take calls again when you are ready.</p>
      <button type="button" className="button button--primary" data-testid="wrapup-finish" disabled={busy || !agentId} onClick={() => void finish()}>
        Ready for calls
      </button>
    </section>
  );
}
