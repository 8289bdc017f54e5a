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
}: {
  phone: SoftphoneLike;
  disabled: boolean;
  note?: string | null;
  queues?: Queue[] | null;
}) {
  const [number, setNumber] = useState('');
  const [queueId, setQueueId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const to = dialable(number);
    if (!to) {
      setError(number.trim() === '' ? 'Enter the number to call.' : 'Enter a phone number: + and the country code, or digits only.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await (queueId ? phone.dial(to, { queueId }) : phone.dial(to));
      setNumber('');
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      setError(typeof code === 'string' ? errorText({ code, message: (e as Error).message }) : 'The call could not be started.');
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
        <button type="submit" className="button button--primary" data-testid="dial-call" disabled={busy || disabled}>
          {busy ? 'Dialling…' : 'Dial'}
        </button>
      </div>
      {queues && queues.length > 1 ? (
        <SelectField
          id="dial-queue"
          label="Call for queue"
          testId="dial-queue"
          value={queueId}
          onChange={(e) => setQueueId(e.target.value)}
          hint="The queue's recording rule and reports follow the call."
        >
          <option value="">Your first queue</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {note ? (
        <p className="muted small" data-testid="dial-note">
          {note}
        </p>
      ) : null}
    </form>
  );
}
