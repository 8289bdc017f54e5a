import { useState, type FormEvent } from 'react';
import { normalizePhone } from '../admin/telephony';
import type { Queue } from '../api/types';
import { SelectField, TextField } from '../components/forms';
import { errorText } from './format';
import type { SoftphoneLike } from './softphoneContext';

/** E.164 (+ and the country code) or plain digits (an extension), once spaces and punctuation are gone. */
export function dialable(raw: string): string | null {
  const number = normalizePhone(raw);
  return /^\+?\d{1,32}$/.test(number) ? number : null;
}

/**
 * Calls a number from the browser (the softphone's `dial`): the call appears above once the gateway starts it. With
 * more than one queue the agent may say which the call is made for (its recording rule, transfers and reports follow
 * it); by default it is the first queue the agent serves.
 */
export function OutboundDial({
  phone,
  disabled,
  note,
  queues = null,
  onQueueGone,
}: {
  phone: SoftphoneLike;
  disabled: boolean;
  note?: string | null;
  queues?: Queue[] | null;
  /** The gateway knows no queue the agent picked (deleted meanwhile): the desktop reads the queues again. */
  onQueueGone?: () => void;
}) {
  const [number, setNumber] = useState('');
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [queueError, setQueueError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choosing = queues !== null && queues.length > 1;
  // a pick the current list no longer has (or no list at all) falls back to the agent's first queue
  const queueId = choosing && queues.some((q) => q.id === picked) ? picked : '';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const to = dialable(number);
    if (!to) {
      setError(number.trim() === '' ? 'Enter the number to call.' : 'Enter a phone number: + and the country code, or digits only.');
      return;
    }
    setError(null);
    setQueueError(null);
    setBusy(true);
    try {
      await (queueId ? phone.dial(to, { queueId }) : phone.dial(to));
      setNumber('');
    } catch (e) {
      const { code, reason } = e as { code?: unknown; reason?: unknown };
      const message = (e as Error).message;
      // with a queue picked, the only thing a dial can find missing is that queue
      if (queueId && code === 'dial-refused' && reason === 'not-found') {
        setPicked('');
        setQueueError('That queue no longer exists; pick another, or call for your first queue.');
        onQueueGone?.();
      } else {
        setError(typeof code === 'string' ? errorText({ code, message }) : 'The call could not be started.');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form desk__dial" onSubmit={onSubmit} noValidate aria-labelledby="softphone-dial-title" aria-busy={busy}>
      <h2 id="softphone-dial-title">Make a call</h2>
      <div className="dial__row">
        <TextField
          id="dial-number"
          label="Number to call"
          testId="dial-number"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={40}
          placeholder="+15551230000"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          error={error ?? undefined}
        />
        {choosing ? (
          <SelectField
            id="dial-queue"
            label="Call for queue"
            testId="dial-queue"
            value={queueId}
            disabled={disabled}
            onChange={(e) => {
              setPicked(e.target.value);
              setQueueError(null);
            }}
            hint="The queue's recording rule and reports follow the call."
            error={queueError ?? undefined}
          >
            <option value="">Your first queue</option>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <button type="submit" className="button button--primary" data-testid="dial-call" disabled={busy || disabled}>
          {busy ? 'Dialling…' : 'Dial'}
        </button>
      </div>
      {note ? (
        <p className="muted small" data-testid="dial-note">
          {note}
        </p>
      ) : null}
    </form>
  );
}
