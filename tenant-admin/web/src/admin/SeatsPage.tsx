import { useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { Seats } from '../api/types';
import { ErrorMessage, TextField, formErrors, noErrors, parseWhole, type FormErrors } from '../components/forms';
import { useTitle } from '../components/useTitle';
import { isAdmin, useShell } from './shellContext';

export const PRORATION_NOTE = 'Changes are prorated on your next invoice.';

/** `1 seat`, `3 seats`. */
export function seatCount(n: number): string {
  return `${n} ${n === 1 ? 'seat' : 'seats'}`;
}

/** The seats the company leases and how many are in use; admins change the lease. */
export function SeatsPage() {
  useTitle('Seats');
  const api = useApi();
  const { me, reloadTenant } = useShell();
  const admin = isAdmin(me);
  const [seats, setSeats] = useState<Seats | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Whether the server bills the lease (known to admins only, from `GET /billing`). */
  const [billed, setBilled] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    api
      .seats(abort.signal)
      .then(setSeats)
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setError(problemOf(e).detail);
      });
    if (admin) {
      api
        .billing(abort.signal)
        .then((b) => {
          if (!abort.signal.aborted) setBilled(b.enabled);
        })
        .catch(() => {
          // without billing's answer the lease still works; only the note on proration is left out
        });
    }
    return () => abort.abort();
  }, [api, admin]);

  function saved(updated: Seats) {
    setSeats(updated);
    // the shell and the overview show the lease too
    reloadTenant();
  }

  return (
    <section aria-labelledby="seats-title">
      <h1 id="seats-title">Seats</h1>
      <p className="lead">
        A seat lets one agent work at a time. Your company leases a number of seats; the seats in use are taken by
        agents.
      </p>
      <ErrorMessage message={error} testId="seats-load-error" />
      {seats ? (
        <div className="stacked">
          <dl className="facts">
            <div className="fact">
              <dt>Leased</dt>
              <dd data-testid="seats-leased-count">{seats.leased}</dd>
            </div>
            <div className="fact">
              <dt>In use</dt>
              <dd data-testid="seats-in-use">{seats.inUse}</dd>
            </div>
            <div className="fact">
              <dt>Free</dt>
              <dd data-testid="seats-free">{Math.max(0, seats.leased - seats.inUse)}</dd>
            </div>
          </dl>
          {admin ? (
            <SeatsForm seats={seats} billed={billed} onSaved={saved} />
          ) : (
            <p className="muted" data-testid="seats-admins-only">
              Only an administrator of your company can change the lease.
            </p>
          )}
        </div>
      ) : !error ? (
        <p className="muted" role="status">
          Loading seats…
        </p>
      ) : null}
    </section>
  );
}

type Field = 'leased';

const FIELD_OF: Record<string, Field> = { leased: 'leased', seats: 'leased' };

function SeatsForm({ seats, billed, onSaved }: { seats: Seats; billed: boolean; onSaved: (seats: Seats) => void }) {
  const api = useApi();
  const [value, setValue] = useState(String(seats.leased));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const leased = parseWhole(value, 1);
    if (leased === null) {
      setErrors({
        message: 'Please correct the highlighted field.',
        fields: { leased: 'Enter a whole number of seats, at least 1.' },
        unmatched: [],
      });
      return;
    }
    setErrors(noErrors());
    if (leased === seats.leased) {
      setNotice(`Nothing to save: your company already leases ${seatCount(leased)}.`);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.setSeats(leased);
      onSaved(updated);
      setValue(String(updated.leased));
      setNotice(`Your company now leases ${seatCount(updated.leased)}.${billed ? ` ${PRORATION_NOTE}` : ''}`);
    } catch (e) {
      setErrors(formErrors(problemOf(e), FIELD_OF));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      aria-busy={busy}
      aria-labelledby="seats-form-title"
      data-testid="seats-form"
    >
      <h2 id="seats-form-title">Change the lease</h2>
      <ErrorMessage message={errors.message} extra={errors.unmatched} testId="seats-error" />
      {notice ? (
        <div className="alert alert--success" role="status" data-testid="seats-notice">
          {notice}
        </div>
      ) : null}
      <TextField
        id="seats-leased"
        label="Seats leased"
        testId="seats-leased"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        hint={seats.inUse > 0 ? `Not fewer than the ${seatCount(seats.inUse)} in use.` : 'At least 1.'}
        error={errors.fields.leased}
      />
      {billed ? (
        <p className="muted small" data-testid="seats-prorated">
          {PRORATION_NOTE} Adding seats is charged for the rest of the current period; removing seats is credited.
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="seats-save" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
