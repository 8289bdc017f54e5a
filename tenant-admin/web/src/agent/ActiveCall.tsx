import type { Call } from '@callisto/softphone';
import { useState, type ReactNode } from 'react';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { Queue } from '../api/types';
import { CallStatsView } from './CallStatsView';
import { CALL_STATE_LABEL, elapsed } from './format';
import { Keypad } from './Keypad';
import { ScreenPop } from './ScreenPop';
import type { SoftphoneLike } from './softphoneContext';
import { ConsultStatus, TransferPanel } from './TransferPanel';
import { useNow } from './useSoftphone';
import { nameOf, useColleagues } from './useColleagues';

/** What the agent can do about refusals of `PUT /calls/{id}/recording-state`. */
const RECORDING_ADVICE: Record<string, string> = {
  'not-connected': 'Recording starts once the call is connected.',
  'recording-finished': 'This call’s recording was stopped; a call has one recording.',
  'recording-unavailable': 'Recording is not available for this call.',
};

/** A call in progress: who, how long, and its controls. */
export function ActiveCall({
  phone,
  call,
  self,
  queues,
  onError,
}: {
  phone: SoftphoneLike;
  call: Call;
  self: string | null;
  queues: Queue[] | null;
  onError: (message: string) => void;
}) {
  const api = useApi();
  const live = call.state === 'connected' || call.state === 'held';
  const now = useNow(true);
  const [keypad, setKeypad] = useState(false);
  const [transfer, setTransfer] = useState(false);
  const [recording, setRecording] = useState(false);
  const [recordBusy, setRecordBusy] = useState(false);
  const held = call.state === 'held';
  const queueName = call.queueId ? (queues?.find((q) => q.id === call.queueId)?.name ?? call.queueId) : null;
  // read once per call, for the transfer list and the consultation's status alike
  const colleagues = useColleagues(transfer || Boolean(call.consult));
  const consulted = call.consult ? nameOf(colleagues, call.consult.agentId) : undefined;

  async function toggleRecording() {
    setRecordBusy(true);
    try {
      const state = await api.setCallRecording(call.callId, !recording);
      setRecording(state.recording);
    } catch (e) {
      const problem = problemOf(e);
      onError([problem.detail, problem.code ? RECORDING_ADVICE[problem.code] : null].filter(Boolean).join(' '));
    } finally {
      setRecordBusy(false);
    }
  }

  function sendDigit(digit: string) {
    try {
      phone.sendDtmf(call.callId, digit);
    } catch (e) {
      onError(e instanceof Error ? e.message : 'The tone could not be sent.');
    }
  }

  return (
    <section className={`card call call--${call.state}`} data-testid="call-active" data-call-id={call.callId} data-state={call.state} aria-labelledby={`call-${call.callId}`}>
      <div className="call__head">
        <h2 id={`call-${call.callId}`}>
          {call.direction === 'outbound' ? 'Outbound call' : 'Call'}: {CALL_STATE_LABEL[call.state] ?? call.state}
        </h2>
        <span className="call__timer metric" data-testid="call-timer" aria-label="Time in this state">
          {elapsed(call.since, now)}
        </span>
        {recording ? (
          <span className="badge badge--bad" data-testid="call-recording-badge">
            REC
          </span>
        ) : null}
      </div>
      <ScreenPop call={call} queueName={queueName} />
      <ConsultStatus phone={phone} call={call} agentName={consulted} />
      <div className="call__controls" role="group" aria-label="Call controls">
        <button type="button" className="button" data-testid="call-mute" aria-pressed={call.muted} disabled={!live} onClick={() => phone.mute(call.callId, !call.muted)}>
          {call.muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" className="button" data-testid="call-hold" aria-pressed={held} disabled={!live} onClick={() => phone.hold(call.callId, !held)}>
          {held ? 'Resume' : 'Hold'}
        </button>
        <PanelToggle name="keypad" callId={call.callId} open={keypad} onToggle={() => setKeypad((k) => !k)}>
          Keypad
        </PanelToggle>
        <PanelToggle name="transfer" callId={call.callId} open={transfer} disabled={!live} onToggle={() => setTransfer((t) => !t)}>
          Transfer
        </PanelToggle>
        <button type="button" className="button" data-testid="call-record" aria-pressed={recording} disabled={!live || recordBusy} onClick={() => void toggleRecording()}>
          {recording ? 'Stop recording' : 'Record'}
        </button>
        <button type="button" className="button button--danger" data-testid="call-hangup" onClick={() => phone.hangup(call.callId)}>
          Hang up
        </button>
      </div>
      {keypad ? (
        <div id={`keypad-${call.callId}`}>
          <Keypad onDigit={sendDigit} />
        </div>
      ) : null}
      {transfer && live ? (
        <div id={`transfer-${call.callId}`}>
          <TransferPanel phone={phone} call={call} self={self} queues={queues} colleagues={colleagues} />
        </div>
      ) : null}
      <CallStatsView phone={phone} callId={call.callId} live={live} />
    </section>
  );
}

/** The button that shows and hides one of the call's panels, `<div id="{name}-{callId}">`. */
function PanelToggle({
  name,
  callId,
  open,
  disabled,
  onToggle,
  children,
}: {
  name: string;
  callId: string;
  open: boolean;
  disabled?: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button"
      data-testid={`call-${name}`}
      aria-expanded={open}
      aria-controls={`${name}-${callId}`}
      disabled={disabled}
      onClick={onToggle}
    >
      {children}
    </button>
  );
}
