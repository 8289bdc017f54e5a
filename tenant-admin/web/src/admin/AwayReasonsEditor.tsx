import { useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf, type FieldError } from '../api/problem';
import type { AwayReason } from '../api/types';
import { ErrorMessage, apiFieldPath } from '../components/forms';

interface ReasonRow {
  key: number;
  code: string;
  label: string;
}

let nextKey = 1;

function rowOf(reason: AwayReason = { code: '', label: '' }): ReasonRow {
  return { key: nextKey++, code: reason.code, label: reason.label };
}

/**
 * The reasons an agent gives for being away (break, lunch, training…): a list of code + label.
 * Admins edit the list and save it whole; others read it.
 */
export function AwayReasonsEditor({ admin }: { admin: boolean }) {
  const api = useApi();
  const [rows, setRows] = useState<ReasonRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api
      .awayReasons(abort.signal)
      .then((r) => setRows(r.items.map(rowOf)))
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setLoadError(problemOf(e).detail);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [api]);

  function update(key: number, change: Partial<ReasonRow>) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const errors: Record<number, string> = {};
    const seen = new Set<string>();
    for (const r of rows) {
      const code = r.code.trim();
      if (code === '') errors[r.key] = 'Enter a code.';
      else if (seen.has(code)) errors[r.key] = `The code ${code} is listed twice.`;
      else if (r.label.trim() === '') errors[r.key] = `Enter a label for ${code}.`;
      seen.add(code);
    }
    setRowErrors(errors);
    setUnmatched([]);
    if (Object.keys(errors).length > 0) {
      setMessage('Please correct the highlighted reasons.');
      return;
    }
    setMessage(null);
    setBusy(true);
    try {
      const saved = await api.saveAwayReasons(rows.map((r) => ({ code: r.code.trim(), label: r.label.trim() })));
      const items = saved?.items ?? rows.map((r) => ({ code: r.code.trim(), label: r.label.trim() }));
      setRows(items.map(rowOf));
      setDone(items.length === 1 ? 'Saved 1 away reason.' : `Saved ${items.length} away reasons.`);
    } catch (e) {
      const problem = problemOf(e);
      // `items[2].code` → the third row
      const byRow: Record<number, string> = {};
      const rest: FieldError[] = [];
      for (const fe of problem.errors) {
        const [first, index] = apiFieldPath(fe.field);
        const row = first === 'items' && index !== undefined && /^\d+$/.test(index) ? rows[Number(index)] : undefined;
        if (row && !byRow[row.key]) byRow[row.key] = fe.message;
        else rest.push(fe);
      }
      setRowErrors(byRow);
      setUnmatched(rest);
      setMessage(problem.detail);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section-card" aria-labelledby="away-reasons-title" data-testid="away-reasons">
      <h2 id="away-reasons-title">Away reasons</h2>
      <p className="muted">What agents choose from when they step away; supervisors see the reason on the wallboard.</p>
      <ErrorMessage message={loadError} testId="away-reasons-load-error" />
      {loading ? (
        <p className="muted" role="status">
          Loading away reasons…
        </p>
      ) : loadError ? null : admin ? (
        <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby="away-reasons-title">
          {done ? (
            <div className="alert alert--success" role="status" data-testid="away-reasons-success">
              {done}
            </div>
          ) : null}
          <ErrorMessage message={message} extra={unmatched} testId="away-reasons-error" />
          {rows.length === 0 ? (
            <p className="muted">No away reasons: agents go away without giving one.</p>
          ) : (
            <ul className="rows">
              {rows.map((r, i) => {
                const error = rowErrors[r.key];
                const errorId = `away-reason-${r.key}-error`;
                return (
                  <li key={r.key} className={error ? 'rows__row rows__row--invalid' : 'rows__row'}>
                    <div className="rows__inputs">
                      <input
                        className="rows__code"
                        aria-label={`Reason ${i + 1} code`}
                        data-testid={`away-reason-code-${i}`}
                        placeholder="Code, e.g. LUNCH"
                        autoComplete="off"
                        value={r.code}
                        disabled={busy}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => update(r.key, { code: e.target.value })}
                      />
                      <input
                        className="rows__grow"
                        aria-label={`Reason ${i + 1} label`}
                        data-testid={`away-reason-label-${i}`}
                        placeholder="Label, e.g. Lunch break"
                        autoComplete="off"
                        value={r.label}
                        disabled={busy}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => update(r.key, { label: e.target.value })}
                      />
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        data-testid={`away-reason-remove-${i}`}
                        aria-label={`Remove reason ${i + 1}${r.code.trim() ? ` (${r.code.trim()})` : ''}`}
                        disabled={busy}
                        onClick={() => setRows((current) => current.filter((x) => x.key !== r.key))}
                      >
                        Remove
                      </button>
                    </div>
                    {error ? (
                      <p id={errorId} className="field__error" data-testid={`away-reason-row-${i}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              data-testid="away-reason-add"
              disabled={busy}
              onClick={() => setRows((current) => [...current, rowOf()])}
            >
              Add reason
            </button>
            <button type="submit" className="button button--primary" data-testid="away-reasons-save" disabled={busy}>
              {busy ? 'Saving…' : 'Save away reasons'}
            </button>
          </div>
        </form>
      ) : rows.length === 0 ? (
        <p className="muted">No away reasons.</p>
      ) : (
        <ul className="plain-list" data-testid="away-reasons-list">
          {rows.map((r) => (
            <li key={r.key}>
              {r.label} <code>{r.code}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
