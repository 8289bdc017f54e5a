import { useState, type FormEvent } from 'react';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { PlacedCall } from '../api/types';
import { TextField, formErrors, noErrors, type FormErrors } from '../components/forms';
import { looksLikeE164, normalizePhone } from '../admin/telephony';

/** What the agent can do about each refusal of `POST /calls` (409), after the server's own detail. */
export const DIAL_ADVICE: Record<string, string> = {
  'no-registered-phone': 'Sign in to your desk phone or softphone with your SIP login, then try again.',
  'no-trunk': 'An administrator needs to connect a carrier trunk first.',
  'trunk-busy': 'Every channel of the trunk is in use. Try again in a moment.',
  'sip-edge-unavailable': 'The telephone service is unavailable right now. Try again in a moment.',
  'tenant-not-working': 'Your company’s account does not allow calls at the moment; an administrator can check billing.',
  'agent-offline': 'Go Available or Away on the agent desktop, then try again.',
  'agent-busy': 'Finish the call you are on first.',
  'no-queue': 'An administrator needs to create a queue first: every call belongs to one.',
};

type Field = 'to';

/** Click-to-dial: rings the agent's registered SIP phone, then calls the number (`POST /calls {to}`). */
export function ClickToDial() {
  const api = useApi();
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [advice, setAdvice] = useState<string | null>(null);
  const [placed, setPlaced] = useState<{ call: PlacedCall; to: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setPlaced(null);
    setAdvice(null);
    const number = normalizePhone(to);
    if (number === '') {
      setErrors({ message: null, fields: { to: 'Enter the number to call.' }, unmatched: [] });
      return;
    }
    if (!looksLikeE164(number)) {
      setErrors({
        message: null,
        fields: { to: 'Enter the number in international format: + and the country code, such as +15551230000.' },
        unmatched: [],
      });
      return;
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      const call = await api.placeCall({ to: number });
      setPlaced({ call, to: number });
    } catch (e) {
      const problem = problemOf(e);
      setErrors(formErrors(problem, { to: 'to' }));
      setAdvice(problem.code ? (DIAL_ADVICE[problem.code] ?? null) : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form dial" onSubmit={onSubmit} noValidate aria-labelledby="dial-title" aria-busy={busy} data-testid="dial-form">
      <h2 id="dial-title">Call a number</h2>
      <p className="muted small">Your phone rings first; when you answer, the number is called.</p>
      {errors.message ? (
        <div className="alert alert--error" role="alert" data-testid="dial-error">
          <p>{errors.message}</p>
          {advice ? <p data-testid="dial-advice">{advice}</p> : null}
          {errors.unmatched.length > 0 ? (
            <ul>
              {errors.unmatched.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  {e.field}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {placed ? (
        <div className="alert alert--success" role="status" data-testid="dial-result">
          Calling {placed.to}: answer your phone when it rings. <span className="small">(Call {placed.call.id})</span>
        </div>
      ) : null}
      <div className="dial__row">
        <TextField
          id="dial-to"
          label="Phone number"
          testId="dial-to"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={40}
          placeholder="+15551230000"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          hint="E.164: + and the country code."
          error={errors.fields.to}
        />
        <button type="submit" className="button button--primary" data-testid="dial-submit" disabled={busy}>
          {busy ? 'Calling…' : 'Call'}
        </button>
      </div>
    </form>
  );
}
