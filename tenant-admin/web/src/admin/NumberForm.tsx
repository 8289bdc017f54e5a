import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { CreateNumberRequest, NumberPatch, PhoneNumber, Queue, Trunk } from '../api/types';
import {
  ErrorMessage,
  SelectField,
  TextField,
  apiFieldPath,
  formErrorsBy,
  noErrors,
  type FormErrors,
} from '../components/forms';
import { looksLikeE164 } from './telephony';

export const MAX_NUMBER_NAME = 100;

type Field = 'e164' | 'name' | 'trunkId' | 'queueId';

/** `target`, `target.queueId`, `target.type` → the queue; `request.e164` → the number. */
function fieldOf(apiField: string): Field | undefined {
  const [first] = apiFieldPath(apiField);
  if (first === 'target') return 'queueId';
  return first === 'e164' || first === 'name' || first === 'trunkId' ? first : undefined;
}

/** The queue a number sends its calls to, or '' when its target is not a queue. */
function queueOf(number: PhoneNumber | null): string {
  return number?.target.type === 'QUEUE' ? (number.target.queueId ?? '') : '';
}

interface NumberFormProps {
  /** The number to edit; null to take a new one. */
  number: PhoneNumber | null;
  trunks: Trunk[];
  queues: Queue[];
  onSaved: (number: PhoneNumber, created: boolean) => void;
  onCancel: () => void;
}

/** Takes a phone number or changes one (ADMIN): its trunk, and the queue its calls go to. */
export function NumberForm({ number, trunks, queues, onSaved, onCancel }: NumberFormProps) {
  const api = useApi();
  const editing = number !== null;
  const [e164, setE164] = useState(number?.e164 ?? '');
  const [name, setName] = useState(number?.name ?? '');
  const [trunkId, setTrunkId] = useState(number?.trunkId ?? '');
  const [queueId, setQueueId] = useState(() => queueOf(number));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const numberInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing) numberInput.current?.focus();
  }, [editing]);

  // a number's trunk or queue the lists do not hold (yet) stays selectable
  const trunkOptions = trunkId !== '' && !trunks.some((t) => t.id === trunkId) ? [...trunks, null] : trunks;
  const unknownQueue = queueId !== '' && !queues.some((q) => q.id === queueId);
  const otherTarget = number !== null && number.target.type !== 'QUEUE';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const fields: Partial<Record<Field, string>> = {};
    const e = e164.trim();
    if (e === '') fields.e164 = 'Enter the phone number.';
    else if (!looksLikeE164(e)) fields.e164 = 'Enter the number in E.164 format, such as +15551230000.';
    const label = name.trim();
    if (label.length > MAX_NUMBER_NAME) fields.name = `At most ${MAX_NUMBER_NAME} characters.`;
    if (queueId === '' && !otherTarget) fields.queueId = 'Choose the queue that takes the calls.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: 'Please correct the highlighted fields.', fields, unmatched: [] });
      return;
    }

    let call: Promise<PhoneNumber>;
    if (number) {
      const patch: NumberPatch = {};
      if (e !== number.e164) patch.e164 = e;
      if (label === '' && number.name !== null) patch.name = null;
      else if (label !== '' && label !== number.name) patch.name = label;
      if (trunkId === '' && number.trunkId !== null) patch.trunkId = null;
      else if (trunkId !== '' && trunkId !== number.trunkId) patch.trunkId = trunkId;
      if (queueId !== '' && queueId !== queueOf(number)) patch.target = { type: 'QUEUE', queueId };
      if (Object.keys(patch).length === 0) {
        setErrors(noErrors());
        setDone('Nothing to save: no field was changed.');
        return;
      }
      call = api.updateNumber(number.id, patch);
    } else {
      const request: CreateNumberRequest = { e164: e, target: { type: 'QUEUE', queueId } };
      if (label !== '') request.name = label;
      if (trunkId !== '') request.trunkId = trunkId;
      call = api.createNumber(request);
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      const result = await call;
      onSaved(result, !editing);
      if (!editing) {
        setDone(`Added the number ${result.e164}.`);
        setE164('');
        setName('');
        setTrunkId('');
        setQueueId('');
      }
    } catch (err) {
      const problem = problemOf(err);
      const spread = formErrorsBy(problem, fieldOf);
      if (problem.code === 'number-taken' && !spread.fields.e164) {
        spread.fields.e164 = 'This number is taken.';
      }
      setErrors(spread);
    } finally {
      setBusy(false);
    }
  }

  const titleId = 'number-form-title';
  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid="number-form"
    >
      <h2 id={titleId}>{number ? `Edit ${number.e164}` : 'Add a number'}</h2>
      {done ? (
        <div className="alert alert--success" role="status" data-testid="number-form-success">
          {done}
        </div>
      ) : null}
      <ErrorMessage message={errors.message} extra={errors.unmatched} testId="number-form-error" />
      {queues.length === 0 && !otherTarget ? (
        <div className="alert alert--info" data-testid="number-no-queues">
          A number sends its calls to a queue: create one on the <Link to="/admin/queues">Queues</Link> page first.
        </div>
      ) : null}
      <div className="field-grid field-grid--wide">
        <TextField
          ref={numberInput}
          id="number-e164"
          label="Phone number"
          testId="number-e164"
          type="tel"
          autoComplete="off"
          required
          maxLength={40}
          value={e164}
          onChange={(e) => setE164(e.target.value)}
          hint="E.164, such as +15551230000."
          error={errors.fields.e164}
        />
        <TextField
          id="number-name"
          label="Name"
          testId="number-name"
          autoComplete="off"
          maxLength={MAX_NUMBER_NAME}
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint="Optional, such as “Sales line”."
          error={errors.fields.name}
        />
        <SelectField
          id="number-trunk"
          label="Trunk"
          testId="number-trunk"
          value={trunkId}
          onChange={(e) => setTrunkId(e.target.value)}
          hint="Outbound calls from the number go through it."
          error={errors.fields.trunkId}
        >
          <option value="">None</option>
          {trunkOptions.map((t) =>
            t ? (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.enabled ? '' : ' (disabled)'}
              </option>
            ) : (
              <option key={trunkId} value={trunkId}>
                {trunkId}
              </option>
            ),
          )}
        </SelectField>
        <SelectField
          id="number-queue"
          label="Calls go to the queue"
          testId="number-queue"
          value={queueId}
          onChange={(e) => setQueueId(e.target.value)}
          required={!otherTarget}
          hint={
            otherTarget
              ? `The number now runs an ${number?.target.type ?? ''} target; choose a queue to change it.`
              : 'IVR menus are not available yet: a number’s calls go to a queue.'
          }
          error={errors.fields.queueId}
        >
          <option value="">{otherTarget ? 'Keep the current target' : 'Choose a queue…'}</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
          {unknownQueue ? <option value={queueId}>{queueId}</option> : null}
        </SelectField>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="number-submit" disabled={busy}>
          {busy ? 'Saving…' : number ? 'Save changes' : 'Add number'}
        </button>
        {number ? (
          <button type="button" className="button button--ghost" data-testid="number-cancel" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
