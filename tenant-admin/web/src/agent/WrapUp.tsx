import type { Call } from '@callisto/softphone';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import { ErrorMessage, TextAreaField, TextField } from '../components/forms';
import { END_REASON_LABEL, otherParty } from './format';

/** A call that ended after the agent talked on it: its interaction waits for a disposition and notes. */
export interface WrapUpItem {
  callId: string;
  call: Call | null;
  reason: string;
}

/** Suggestions for the disposition; the agent may type anything (at most 100 characters). */
export const DISPOSITIONS = ['Resolved', 'Follow-up needed', 'Escalated', 'Callback requested', 'Sale', 'No sale', 'Wrong number'];

/**
 * After-call work: disposition and notes, saved with `POST /interactions/{callId}/complete`, which also ends the
 * wrap-up. *Skip* ends it without saving (`POST /agents/{id}/wrap-up/finish`).
 */
export function WrapUp({
  item,
  agentId,
  onDone,
}: {
  item: WrapUpItem;
  agentId: string | null;
  onDone: (callId: string, saved: boolean) => void;
}) {
  const api = useApi();
  const [disposition, setDisposition] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.completeInteraction(item.callId, { disposition, notes });
      onDone(item.callId, true);
    } catch (e) {
      setError(problemOf(e).detail);
      setBusy(false);
    }
  }

  async function skip() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (agentId) await api.finishWrapUp(agentId);
      onDone(item.callId, false);
    } catch (e) {
      setError(problemOf(e).detail);
      setBusy(false);
    }
  }

  const who = item.call ? otherParty(item.call) : null;
  return (
    <section className="card wrapup" data-testid="wrapup" data-call-id={item.callId} aria-labelledby={`wrapup-${item.callId}`}>
      <h2 id={`wrapup-${item.callId}`}>Wrap-up{who ? `: ${who}` : ''}</h2>
      <p className="muted small">{END_REASON_LABEL[item.reason] ?? 'The call ended.'} Note how it went, then complete it.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorMessage message={error} testId="wrapup-error" />
        <TextField
          id={`wrapup-disposition-${item.callId}`}
          label="Disposition"
          testId="wrapup-disposition"
          list="wrapup-dispositions"
          maxLength={100}
          autoComplete="off"
          value={disposition}
          onChange={(e) => setDisposition(e.target.value)}
        />
        <datalist id="wrapup-dispositions">
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <TextAreaField
          id={`wrapup-notes-${item.callId}`}
          label="Notes"
          testId="wrapup-notes"
          maxLength={4000}
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" data-testid="wrapup-complete" disabled={busy}>
            {busy ? 'Saving…' : 'Complete'}
          </button>
          <button type="button" className="button button--ghost" data-testid="wrapup-skip" disabled={busy || !agentId} onClick={() => void skip()}>
            Skip
          </button>
        </div>
      </form>
    </section>
  );
}
