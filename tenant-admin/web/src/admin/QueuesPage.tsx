import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import { QUEUE_STRATEGIES, type CreateQueueRequest, type Queue, type QueuePatch, type QueueStrategy } from '../api/types';
import {
  CheckboxField,
  ErrorMessage,
  SelectField,
  TextField,
  apiFieldPath,
  formErrorsBy,
  noErrors,
  parseWhole,
  type FormErrors,
} from '../components/forms';
import { useTitle } from '../components/useTitle';
import { confirmer } from './confirm';
import { RowActions } from './RowActions';
import { isAdmin, useShell } from './shellContext';
import {
  SkillTags,
  SkillsEditor,
  checkSkills,
  sameSkills,
  skillRowsOf,
  type SkillRow,
} from './SkillsEditor';

export const MAX_QUEUE_NAME = 100;

export const STRATEGY_HELP: Record<QueueStrategy, string> = {
  LONGEST_IDLE: 'offers each interaction to the agent who has been idle the longest',
  SKILLS: 'offers each interaction to the best-skilled available agent',
  ROUND_ROBIN: 'offers interactions to the agents in turn',
  FEWEST_CALLS: 'offers each interaction to the agent who has handled the fewest',
  RING_ALL: 'offers each interaction to every available agent at once',
};

type NumberKey =
  | 'priority'
  | 'maxWaitSeconds'
  | 'wrapUpSeconds'
  | 'serviceLevelSeconds'
  | 'offerTimeoutSeconds'
  | 'relaxAfterSeconds'
  | 'relaxStep';

const NUMBER_FIELDS: readonly { key: NumberKey; label: string; min: number; hint: string; testId: string }[] = [
  { key: 'priority', label: 'Priority', min: 0, hint: 'Queues with a higher priority are served first.', testId: 'queue-priority' },
  {
    key: 'maxWaitSeconds',
    label: 'Max wait (seconds)',
    min: 0,
    hint: 'How long an interaction waits before it goes to the overflow queue.',
    testId: 'queue-max-wait',
  },
  {
    key: 'wrapUpSeconds',
    label: 'Wrap-up (seconds)',
    min: 0,
    hint: 'The time an agent has after each interaction before the next one.',
    testId: 'queue-wrap-up',
  },
  {
    key: 'serviceLevelSeconds',
    label: 'Service-level threshold (seconds)',
    min: 0,
    hint: 'Interactions answered within this time count towards the service level.',
    testId: 'queue-service-level',
  },
  {
    key: 'offerTimeoutSeconds',
    label: 'Offer timeout (seconds)',
    min: 1,
    hint: 'How long an offer waits for an agent to accept before it moves on. At least 1.',
    testId: 'queue-offer-timeout',
  },
  {
    key: 'relaxAfterSeconds',
    label: 'Relax skills after (seconds)',
    min: 0,
    hint: 'After this wait the required skill levels are lowered, step by step.',
    testId: 'queue-relax-after',
  },
  {
    key: 'relaxStep',
    label: 'Relax step (levels)',
    min: 0,
    hint: 'How many levels each relaxation lowers the required skills.',
    testId: 'queue-relax-step',
  },
];

/** Seconds for a table cell. */
export function seconds(n: number | null | undefined): string {
  return typeof n === 'number' ? `${n} s` : '—';
}

function byName(a: Queue, b: Queue): number {
  return a.name.localeCompare(b.name);
}

/** The tenant's queues: a list, and for admins a form to create and edit them and delete buttons. */
export function QueuesPage() {
  useTitle('Queues');
  const api = useApi();
  const { me } = useShell();
  const admin = isAdmin(me);
  const [queues, setQueues] = useState<Queue[]>([]);
  const [loading, setLoading] = useState(true);
  const [listError, setListError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [editing, setEditing] = useState<Queue | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api
      .allQueues(abort.signal)
      .then((items) => setQueues([...items].sort(byName)))
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setListError(problemOf(e).detail);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [api]);

  const nameOf = (id: string | null) => (id ? (queues.find((q) => q.id === id)?.name ?? id) : null);

  async function remove(queue: Queue) {
    if (!confirmer.confirm(`Delete the queue ${queue.name}? Its settings are lost and nothing can be routed to it.`)) {
      return;
    }
    setDeleting(queue.id);
    setListError(null);
    setNotice(null);
    try {
      await api.deleteQueue(queue.id);
      setQueues((current) => current.filter((q) => q.id !== queue.id));
      if (editing?.id === queue.id) setEditing(null);
      setNotice(`Deleted the queue ${queue.name}.`);
    } catch (e) {
      setListError(problemOf(e).detail);
    } finally {
      setDeleting(null);
    }
  }

  function saved(queue: Queue, created: boolean) {
    setQueues((current) => [queue, ...current.filter((q) => q.id !== queue.id)].sort(byName));
    if (!created) {
      setEditing(null);
      setNotice(`Saved the changes to ${queue.name}.`);
    }
  }

  function edit(queue: Queue) {
    setNotice(null);
    setEditing(queue);
  }

  const columns = admin ? 9 : 8;

  return (
    <section aria-labelledby="queues-title">
      <h1 id="queues-title">Queues</h1>
      <p className="lead">
        Where interactions wait for an agent: how each queue picks its agent, which skills it needs, and its
        service-level target.
      </p>
      <div className="stacked">
        <div className="card">
          <ErrorMessage message={listError} testId="queues-error" />
          {notice ? (
            <div className="alert alert--success" role="status" data-testid="queues-notice">
              {notice}
            </div>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="queues-table" aria-busy={loading}>
              <caption className="visually-hidden">Queues</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Strategy</th>
                  <th scope="col">Required skills</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Max wait</th>
                  <th scope="col">Overflow</th>
                  <th scope="col">Wrap-up</th>
                  <th scope="col" title="Service-level threshold">
                    SL threshold
                  </th>
                  {admin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => (
                  <tr
                    key={q.id}
                    data-testid={`queue-row-${q.id}`}
                    className={editing?.id === q.id ? 'is-selected' : undefined}
                  >
                    <td>
                      <strong>{q.name}</strong>
                      {q.recordCalls ? (
                        <span className="tag" title="Answered calls are recorded" data-testid={`queue-recorded-${q.id}`}>
                          recorded
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <span className="tag tag--role">{q.strategy}</span>
                    </td>
                    <td>
                      <SkillTags skills={q.requiredSkills} />
                    </td>
                    <td>{q.priority}</td>
                    <td className="nowrap">{seconds(q.maxWaitSeconds)}</td>
                    <td>{nameOf(q.overflowQueueId) ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">{seconds(q.wrapUpSeconds)}</td>
                    <td className="nowrap">{seconds(q.serviceLevelSeconds)}</td>
                    {admin ? (
                      <td className="table__actions">
                        <RowActions
                          testId="queue"
                          id={q.id}
                          name={q.name}
                          onEdit={() => edit(q)}
                          onDelete={() => remove(q)}
                          busy={deleting !== null}
                          deleting={deleting === q.id}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
                {!loading && queues.length === 0 ? (
                  <tr>
                    <td colSpan={columns} className="muted">
                      No queues yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          {loading ? (
            <p className="muted" role="status">
              Loading queues…
            </p>
          ) : null}
        </div>
        {admin ? (
          <QueueForm
            key={editing?.id ?? 'new'}
            queue={editing}
            queues={queues}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </div>
    </section>
  );
}

type Field = 'name' | 'strategy' | 'requiredSkills' | 'overflowQueueId' | 'recordCalls' | NumberKey;

const FIELDS: ReadonlySet<string> = new Set<Field>([
  'name',
  'strategy',
  'requiredSkills',
  'overflowQueueId',
  'recordCalls',
  ...NUMBER_FIELDS.map((f) => f.key),
]);

/** `requiredSkills.billing` → requiredSkills, `request.name` → name. */
function fieldOf(apiField: string): Field | undefined {
  const [first] = apiFieldPath(apiField);
  return first !== undefined && FIELDS.has(first) ? (first as Field) : undefined;
}

type Numbers = Record<NumberKey, string>;

function numbersOf(queue: Queue | null): Numbers {
  const out = {} as Numbers;
  for (const f of NUMBER_FIELDS) {
    out[f.key] = queue ? String(queue[f.key] ?? '') : '';
  }
  return out;
}

interface QueueFormProps {
  /** The queue to edit; null to create one. */
  queue: Queue | null;
  /** Every queue of the tenant, for the overflow choice. */
  queues: Queue[];
  onSaved: (queue: Queue, created: boolean) => void;
  onCancel: () => void;
}

function QueueForm({ queue, queues, onSaved, onCancel }: QueueFormProps) {
  const api = useApi();
  const editing = queue !== null;
  const [name, setName] = useState(queue?.name ?? '');
  const [strategy, setStrategy] = useState<string>(queue?.strategy ?? 'LONGEST_IDLE');
  const [skills, setSkills] = useState<SkillRow[]>(() => skillRowsOf(queue?.requiredSkills));
  const [skillErrors, setSkillErrors] = useState<Record<number, string>>({});
  const [overflow, setOverflow] = useState(queue?.overflowQueueId ?? '');
  const [numbers, setNumbers] = useState<Numbers>(() => numbersOf(queue));
  const [recordCalls, setRecordCalls] = useState(queue?.recordCalls ?? false);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing) nameInput.current?.focus();
  }, [editing]);

  const others = queues.filter((q) => q.id !== queue?.id);
  const strategies: string[] = QUEUE_STRATEGIES.includes(strategy as QueueStrategy)
    ? [...QUEUE_STRATEGIES]
    : [...QUEUE_STRATEGIES, strategy];

  function reset() {
    setName('');
    setStrategy('LONGEST_IDLE');
    setSkills([]);
    setOverflow('');
    setNumbers(numbersOf(null));
    setRecordCalls(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const fields: Partial<Record<Field, string>> = {};
    const trimmed = name.trim();
    if (trimmed === '') fields.name = 'Enter a name.';
    else if (trimmed.length > MAX_QUEUE_NAME) fields.name = `At most ${MAX_QUEUE_NAME} characters.`;
    if (!QUEUE_STRATEGIES.includes(strategy as QueueStrategy)) fields.strategy = 'Choose a strategy.';
    const checked = checkSkills(skills);
    if (!checked.skills) fields.requiredSkills = 'Correct the skills above.';
    const values: Partial<Record<NumberKey, number>> = {};
    for (const f of NUMBER_FIELDS) {
      const raw = numbers[f.key];
      if (raw.trim() === '' && !editing) continue; // the server's default
      const n = parseWhole(raw, f.min);
      if (n === null) fields[f.key] = `Enter a whole number, ${f.min} or more.`;
      else values[f.key] = n;
    }
    if (overflow !== '' && !others.some((q) => q.id === overflow)) fields.overflowQueueId = 'Choose another queue.';
    setSkillErrors(checked.rowErrors);
    if (Object.keys(fields).length > 0 || !checked.skills) {
      setErrors({ message: 'Please correct the highlighted fields.', fields, unmatched: [] });
      return;
    }
    const requiredSkills = checked.skills;
    const overflowQueueId = overflow === '' ? null : overflow;

    let call: Promise<Queue>;
    if (queue) {
      const patch: QueuePatch = {};
      if (trimmed !== queue.name) patch.name = trimmed;
      if (strategy !== queue.strategy) patch.strategy = strategy as QueueStrategy;
      if (!sameSkills(requiredSkills, queue.requiredSkills)) patch.requiredSkills = requiredSkills;
      if (overflowQueueId !== (queue.overflowQueueId ?? null)) patch.overflowQueueId = overflowQueueId;
      if (recordCalls !== (queue.recordCalls ?? false)) patch.recordCalls = recordCalls;
      for (const f of NUMBER_FIELDS) {
        const n = values[f.key];
        if (n !== undefined && n !== queue[f.key]) patch[f.key] = n;
      }
      if (Object.keys(patch).length === 0) {
        setErrors(noErrors());
        setDone('Nothing to save: no field was changed.');
        return;
      }
      call = api.updateQueue(queue.id, patch);
    } else {
      const request: CreateQueueRequest = { name: trimmed, strategy: strategy as QueueStrategy };
      if (Object.keys(requiredSkills).length > 0) request.requiredSkills = requiredSkills;
      if (overflowQueueId) request.overflowQueueId = overflowQueueId;
      // off by default
      if (recordCalls) request.recordCalls = true;
      for (const f of NUMBER_FIELDS) {
        const n = values[f.key];
        if (n !== undefined) request[f.key] = n;
      }
      call = api.createQueue(request);
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      const result = await call;
      onSaved(result, !editing);
      if (!editing) {
        setDone(`Created the queue ${result.name}.`);
        reset();
      }
    } catch (e) {
      setErrors(formErrorsBy(problemOf(e), fieldOf));
    } finally {
      setBusy(false);
    }
  }

  const titleId = 'queue-form-title';
  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid="queue-form"
    >
      <h2 id={titleId}>{queue ? `Edit ${queue.name}` : 'Add a queue'}</h2>
      {done ? (
        <div className="alert alert--success" role="status" data-testid="queue-form-success">
          {done}
        </div>
      ) : null}
      <ErrorMessage message={errors.message} extra={errors.unmatched} />
      <div className="form-grid">
        <div className="form__group">
          <TextField
            ref={nameInput}
            id="queue-name"
            label="Name"
            testId="queue-name"
            autoComplete="off"
            required
            maxLength={MAX_QUEUE_NAME}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.fields.name}
          />
          <SelectField
            id="queue-strategy"
            label="Strategy"
            testId="queue-strategy"
            value={strategy}
            onChange={(e) => setStrategy(e.target.value)}
            hint={
              STRATEGY_HELP[strategy as QueueStrategy] ? `Routing ${STRATEGY_HELP[strategy as QueueStrategy]}.` : undefined
            }
            error={errors.fields.strategy}
          >
            {strategies.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="queue-overflow"
            label="Overflow queue"
            testId="queue-overflow"
            value={overflow}
            onChange={(e) => setOverflow(e.target.value)}
            hint="Where interactions go after the max wait."
            error={errors.fields.overflowQueueId}
          >
            <option value="">None</option>
            {others.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </SelectField>
          <CheckboxField
            id="queue-record-calls"
            label="Record calls"
            testId="queue-record-calls"
            checked={recordCalls}
            onChange={(e) => setRecordCalls(e.target.checked)}
            disabled={busy}
            hint="Answered calls are recorded (both sides) and can be played from the call’s record on the Calls page."
            error={errors.fields.recordCalls}
          />
        </div>
        <div className="form__group">
          <SkillsEditor
            id="queue-skills"
            legend="Required skills"
            testId="queue-skills"
            rows={skills}
            onChange={setSkills}
            rowErrors={skillErrors}
            error={errors.fields.requiredSkills}
            hint="An agent needs each skill at this level (1–10) or above."
            disabled={busy}
          />
        </div>
      </div>
      {!editing ? <p className="muted small">Numbers left empty take the platform’s defaults.</p> : null}
      <div className="field-grid">
        {NUMBER_FIELDS.map((f) => (
          <TextField
            key={f.key}
            id={`queue-${f.key}`}
            label={f.label}
            testId={f.testId}
            type="number"
            inputMode="numeric"
            min={f.min}
            step={1}
            required={editing}
            placeholder={editing ? undefined : 'Default'}
            value={numbers[f.key]}
            onChange={(e) => {
              const value = e.target.value;
              setNumbers((current) => ({ ...current, [f.key]: value }));
            }}
            hint={f.hint}
            error={errors.fields[f.key]}
          />
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="queue-submit" disabled={busy}>
          {busy ? 'Saving…' : queue ? 'Save changes' : 'Add queue'}
        </button>
        {queue ? (
          <button type="button" className="button button--ghost" data-testid="queue-cancel" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
