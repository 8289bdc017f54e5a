import type { Call } from '@callisto/softphone';
import { useState } from 'react';
import { ScreenPop } from './ScreenPop';
import type { SoftphoneLike } from './softphoneContext';
import { nameOf, useColleagues } from './useColleagues';

/** A ringing inbound call: the screen pop, Answer and Decline. */
export function IncomingCall({
  phone,
  call,
  queueName,
  onError,
}: {
  phone: SoftphoneLike;
  call: Call;
  queueName?: string | null;
  onError: (message: string) => void;
}) {
  const [answering, setAnswering] = useState(false);
  const colleagues = useColleagues(Boolean(call.consultation));

  async function answer() {
    setAnswering(true);
    try {
      await phone.answer(call.callId);
    } catch (e) {
      onError(e instanceof Error ? e.message : 'The call could not be answered.');
      setAnswering(false);
    }
  }

  return (
    <section className="card call call--ringing" data-testid="call-incoming" data-call-id={call.callId} aria-labelledby={`incoming-${call.callId}`}>
      <h2 id={`incoming-${call.callId}`}>
        <span className="call__pulse" aria-hidden="true" />
        {call.consultation ? 'A colleague consults you' : 'Incoming call'}
      </h2>
      {call.consultation ? (
        <p data-testid="consultation-from">
          {nameOf(colleagues, call.consultation.fromAgentId)} wants to transfer a caller to you; the caller is on hold
          meanwhile.
        </p>
      ) : null}
      <ScreenPop call={call} queueName={queueName} />
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="call-answer"
          disabled={answering}
          onClick={() => void answer()}
        >
          {answering ? 'Answering…' : 'Answer'}
        </button>
        <button type="button" className="button button--danger" data-testid="call-reject" onClick={() => phone.reject(call.callId)}>
          Decline
        </button>
      </div>
    </section>
  );
}
