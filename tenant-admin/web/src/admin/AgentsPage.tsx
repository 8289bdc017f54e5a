import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import {
  CHANNELS,
  type Agent,
  type AgentPatch,
  type Channel,
  type CreateAgentRequest,
  type MaxConcurrent,
  type Queue,
  type User,
} from '../api/types';
import {
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
import { AwayReasonsEditor } from './AwayReasonsEditor';
import { confirmer } from './confirm';
import { RowActions } from './RowActions';
import { isAdmin, useShell } from './shellContext';
import { SkillTags, SkillsEditor, checkSkills, sameSkills, skillRowsOf, type SkillRow } from './SkillsEditor';

export const CHANNEL_LABEL: Record<Channel, string> = {
  VOICE: 'Voice',
  CHAT: 'Chat',
  EMAIL: 'Email',
  CALLBACK: 'Callback',
  TASK: 'Task',
};

/** An agent takes at most one call at a time. */
export const MAX_VOICE = 1;

function displayName(agent: Agent, users: Map<string, User>): string {
  return users.get(agent.userId)?.name ?? agent.userId;
}

/** The agents: who takes interactions, with what skills, in which queues, how many at once. */
export function AgentsPage() {
  useTitle('Agents');
  const api = useApi();
  const { me } = useShell();
  const admin = isAdmin(me);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [queues, setQueues] = useState<Queue[]>([]);
  const [loading, setLoading] = useState(true);
  const [listError, setListError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [editing, setEditing] = useState<Agent | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([api.allAgents(abort.signal), api.allUsers(abort.signal), api.allQueues(abort.signal)])
      .then(([a, u, q]) => {
        setAgents(a);
        setUsers(u);
        setQueues([...q].sort((x, y) => x.name.localeCompare(y.name)));
      })
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setListError(problemOf(e).detail);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [api]);

  const usersById = useMemo(() => new Map(users.map((u) => [u.id, u])), [users]);
  const queueNames = useMemo(() => new Map(queues.map((q) => [q.id, q.name])), [queues]);
  const sorted = useMemo(
    () => [...agents].sort((a, b) => displayName(a, usersById).localeCompare(displayName(b, usersById))),
    [agents, usersById],
  );
  const candidates = useMemo(() => {
    const taken = new Set(agents.map((a) => a.userId));
    return users
      .filter((u) => u.roles.includes('AGENT') && !taken.has(u.id))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [agents, users]);

  async function remove(agent: Agent) {
    const name = displayName(agent, usersById);
    if (!confirmer.confirm(`Remove ${name} as an agent? They keep their user account but no longer receive interactions.`)) {
      return;
    }
    setDeleting(agent.id);
    setListError(null);
    setNotice(null);
    try {
      await api.deleteAgent(agent.id);
      setAgents((current) => current.filter((a) => a.id !== agent.id));
      if (editing?.id === agent.id) setEditing(null);
      setNotice(`${name} is no longer an agent.`);
    } catch (e) {
      setListError(problemOf(e).detail);
    } finally {
      setDeleting(null);
    }
  }

  function saved(agent: Agent, created: boolean) {
    setAgents((current) => [agent, ...current.filter((a) => a.id !== agent.id)]);
    if (!created) {
      setEditing(null);
      setNotice(`Saved the changes to ${displayName(agent, usersById)}.`);
    }
  }

  function edit(agent: Agent) {
    setNotice(null);
    setEditing(agent);
  }

  const columns = admin ? 7 : 6;

  return (
    <section aria-labelledby="agents-title">
      <h1 id="agents-title">Agents</h1>
      <p className="lead">The users who take interactions: their skills, their queues and how much they handle at once.</p>
      <div className="stacked">
        <div className="card">
          <ErrorMessage message={listError} testId="agents-error" />
          {notice ? (
            <div className="alert alert--success" role="status" data-testid="agents-notice">
              {notice}
            </div>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="agents-table" aria-busy={loading}>
              <caption className="visually-hidden">Agents</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Skills</th>
                  <th scope="col">Queues</th>
                  <th scope="col">At once</th>
                  <th scope="col">SIP</th>
                  {admin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {sorted.map((a) => {
                  const user = usersById.get(a.userId);
                  return (
                    <tr key={a.id} data-testid={`agent-row-${a.id}`} className={editing?.id === a.id ? 'is-selected' : undefined}>
                      <td>
                        {user ? user.name : <span className="muted">{a.userId}</span>}
                        {a.userId === me.userId ? <span className="tag">you</span> : null}
                      </td>
                      <td>{user?.email ?? <span className="muted">—</span>}</td>
                      <td>
                        <SkillTags skills={a.skills} />
                      </td>
                      <td>
                        {a.queueIds.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <span className="tags">
                            {a.queueIds.map((id) => (
                              <span key={id} className="tag tag--queue">
                                {queueNames.get(id) ?? id}
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td className="nowrap">
                        <ChannelLimits limits={a.maxConcurrent} />
                      </td>
                      <td>
                        {a.sipUsername ? (
                          <>
                            <code>{a.sipUsername}</code>
                            <div className="muted small">{a.hasSipPassword ? 'password set' : 'no password'}</div>
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      {admin ? (
                        <td className="table__actions">
                          <RowActions
                            testId="agent"
                            id={a.id}
                            name={displayName(a, usersById)}
                            onEdit={() => edit(a)}
                            onDelete={() => remove(a)}
                            busy={deleting !== null}
                            deleting={deleting === a.id}
                            verb="Remove"
                            deleteLabel={`Remove ${displayName(a, usersById)} as an agent`}
                          />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
                {!loading && agents.length === 0 ? (
                  <tr>
                    <td colSpan={columns} className="muted">
                      No agents yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          {loading ? (
            <p className="muted" role="status">
              Loading agents…
            </p>
          ) : null}
        </div>
        {admin && !loading ? (
          <AgentForm
            key={editing?.id ?? 'new'}
            agent={editing}
            candidates={candidates}
            usersById={usersById}
            queues={queues}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </div>
      <AwayReasonsEditor admin={admin} />
    </section>
  );
}

function ChannelLimits({ limits }: { limits: Partial<MaxConcurrent> | null | undefined }) {
  return (
    <span className="limits">
      {CHANNELS.map((c) => (
        <span key={c} className="limits__item" title={`${CHANNEL_LABEL[c]}: at most ${limits?.[c] ?? '—'} at once`}>
          <span className="muted">{CHANNEL_LABEL[c]}</span> {limits?.[c] ?? '—'}
        </span>
      ))}
    </span>
  );
}

type LimitField = `maxConcurrent.${Channel}`;
type Field = 'userId' | 'skills' | 'queueIds' | 'maxConcurrent' | LimitField | 'sipUsername' | 'sipPassword';

const TOP_FIELDS: ReadonlySet<string> = new Set(['userId', 'skills', 'queueIds', 'sipUsername', 'sipPassword']);

/** `maxConcurrent.CHAT` → that input; `skills.billing` → the skills; `request.userId` → the user. */
function fieldOf(apiField: string): Field | undefined {
  const [first, second] = apiFieldPath(apiField);
  if (first === 'maxConcurrent') {
    return second && (CHANNELS as readonly string[]).includes(second) ? (`maxConcurrent.${second}` as LimitField) : 'maxConcurrent';
  }
  if (first === 'id') return 'userId';
  return first !== undefined && TOP_FIELDS.has(first) ? (first as Field) : undefined;
}

type Limits = Record<Channel, string>;

function limitsOf(agent: Agent | null): Limits {
  const out = {} as Limits;
  for (const c of CHANNELS) {
    const n = agent?.maxConcurrent?.[c];
    out[c] = typeof n === 'number' ? String(n) : '';
  }
  return out;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((id) => x.has(id));
}

interface AgentFormProps {
  /** The agent to edit; null to make one from a user. */
  agent: Agent | null;
  /** Users with the AGENT role who are not agents yet. */
  candidates: User[];
  usersById: Map<string, User>;
  queues: Queue[];
  onSaved: (agent: Agent, created: boolean) => void;
  onCancel: () => void;
}

function AgentForm({ agent, candidates, usersById, queues, onSaved, onCancel }: AgentFormProps) {
  const api = useApi();
  const editing = agent !== null;
  const [userId, setUserId] = useState('');
  const [skills, setSkills] = useState<SkillRow[]>(() => skillRowsOf(agent?.skills));
  const [skillErrors, setSkillErrors] = useState<Record<number, string>>({});
  const [queueIds, setQueueIds] = useState<Set<string>>(() => new Set(agent?.queueIds ?? []));
  const [limits, setLimits] = useState<Limits>(() => limitsOf(agent));
  const [sipUsername, setSipUsername] = useState(agent?.sipUsername ?? '');
  const [sipPassword, setSipPassword] = useState('');
  // a new agent may get a password at once; an existing one's is changed on request
  const [passwordOpen, setPasswordOpen] = useState(!editing);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  function toggleQueue(id: string, on: boolean) {
    setQueueIds((current) => {
      const copy = new Set(current);
      if (on) copy.add(id);
      else copy.delete(id);
      return copy;
    });
  }

  function reset() {
    setUserId('');
    setSkills([]);
    setQueueIds(new Set());
    setLimits(limitsOf(null));
    setSipUsername('');
    setSipPassword('');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const fields: Partial<Record<Field, string>> = {};
    if (!editing && userId === '') fields.userId = 'Choose a user.';
    const checked = checkSkills(skills);
    if (!checked.skills) fields.skills = 'Correct the skills above.';
    const maxConcurrent: Partial<MaxConcurrent> = {};
    for (const c of CHANNELS) {
      const raw = limits[c];
      if (raw.trim() === '' && !editing) continue; // the server's default
      const n = parseWhole(raw, 0);
      if (n === null) fields[`maxConcurrent.${c}`] = 'Enter a whole number, 0 or more.';
      else if (c === 'VOICE' && n > MAX_VOICE) fields['maxConcurrent.VOICE'] = `An agent takes at most ${MAX_VOICE} call at a time.`;
      else maxConcurrent[c] = n;
    }
    const username = sipUsername.trim();
    const password = passwordOpen ? sipPassword : '';
    if (password !== '' && username === '') fields.sipUsername = 'Enter the SIP username that goes with the password.';
    if (editing && passwordOpen && sipPassword === '') fields.sipPassword = 'Enter the new SIP password, or keep the current one.';
    setSkillErrors(checked.rowErrors);
    if (Object.keys(fields).length > 0 || !checked.skills) {
      setErrors({ message: 'Please correct the highlighted fields.', fields, unmatched: [] });
      return;
    }
    const newSkills = checked.skills;
    // in the order of the list, then any the list does not know
    const chosen = [...queues.filter((q) => queueIds.has(q.id)).map((q) => q.id)];
    for (const id of queueIds) if (!chosen.includes(id)) chosen.push(id);

    let call: Promise<Agent>;
    if (agent) {
      const patch: AgentPatch = {};
      if (!sameSkills(newSkills, agent.skills)) patch.skills = newSkills;
      if (!sameIds(chosen, agent.queueIds)) patch.queueIds = chosen;
      if (CHANNELS.some((c) => maxConcurrent[c] !== agent.maxConcurrent?.[c])) patch.maxConcurrent = maxConcurrent;
      if (username === '' && agent.sipUsername) {
        // clearing the username removes the SIP login
        patch.sipUsername = null;
        patch.sipPassword = null;
      } else {
        if (username !== '' && username !== agent.sipUsername) patch.sipUsername = username;
        if (password !== '') patch.sipPassword = password;
      }
      if (Object.keys(patch).length === 0) {
        setErrors(noErrors());
        setDone('Nothing to save: no field was changed.');
        return;
      }
      call = api.updateAgent(agent.id, patch);
    } else {
      const request: CreateAgentRequest = { userId };
      if (Object.keys(newSkills).length > 0) request.skills = newSkills;
      if (chosen.length > 0) request.queueIds = chosen;
      if (Object.keys(maxConcurrent).length > 0) request.maxConcurrent = maxConcurrent;
      if (username !== '') request.sipUsername = username;
      if (password !== '') request.sipPassword = password;
      call = api.createAgent(request);
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      const result = await call;
      onSaved(result, !editing);
      if (!editing) {
        const who = usersById.get(result.userId);
        setDone(`${who ? who.name : result.userId} is now an agent.`);
        reset();
      }
    } catch (e) {
      // an existing agent's user is not an input of the form: such an error is listed with the detail
      setErrors(formErrorsBy(problemOf(e), (f) => (editing && fieldOf(f) === 'userId' ? undefined : fieldOf(f))));
    } finally {
      setBusy(false);
    }
  }

  const who = agent ? usersById.get(agent.userId) : undefined;
  const titleId = 'agent-form-title';
  const limitsError = errors.fields.maxConcurrent;
  const queuesError = errors.fields.queueIds;

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={titleId} aria-busy={busy} data-testid="agent-form">
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {agent ? `Edit ${who?.name ?? agent.userId}` : 'Add an agent'}
      </h2>
      {done ? (
        <div className="alert alert--success" role="status" data-testid="agent-form-success">
          {done}
        </div>
      ) : null}
      <ErrorMessage message={errors.message} extra={errors.unmatched} />
      <div className="form-grid">
        <div className="form__group">
          {agent ? (
            <p className="muted" data-testid="agent-form-user">
              {who ? `${who.name} · ${who.email}` : agent.userId}
            </p>
          ) : candidates.length === 0 ? (
            <div className="alert alert--info" data-testid="agent-no-candidates">
              Every user with the AGENT role is an agent already. Give a user the AGENT role on the{' '}
              <Link to="/admin/users">Users</Link> page to add them here.
            </div>
          ) : (
            <SelectField
              id="agent-user"
              label="User"
              testId="agent-user"
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              hint="Users with the AGENT role who are not agents yet."
              error={errors.fields.userId}
              required
            >
              <option value="">Choose a user…</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </SelectField>
          )}
          <SkillsEditor
            id="agent-skills"
            legend="Skills"
            testId="agent-skills"
            rows={skills}
            onChange={setSkills}
            rowErrors={skillErrors}
            error={errors.fields.skills}
            hint="Each skill with the agent's level, 1 (basic) to 10 (expert)."
            disabled={busy}
          />
        </div>
        <div className="form__group">
          <fieldset
            className={queuesError ? 'field field--invalid' : 'field'}
            aria-describedby={queuesError ? 'agent-queues-error' : undefined}
          >
            <legend>Queues</legend>
            {queues.length === 0 ? (
              <p className="muted">
                No queues yet: create them on the <Link to="/admin/queues">Queues</Link> page.
              </p>
            ) : (
              <div className="check-grid">
                {queues.map((q) => (
                  <label key={q.id} className="check">
                    <input
                      type="checkbox"
                      data-testid={`agent-queue-${q.id}`}
                      checked={queueIds.has(q.id)}
                      onChange={(e) => toggleQueue(q.id, e.target.checked)}
                      disabled={busy}
                    />
                    <span>{q.name}</span>
                  </label>
                ))}
              </div>
            )}
            {queuesError ? (
              <p id="agent-queues-error" className="field__error" data-testid="agent-queues-error">
                {queuesError}
              </p>
            ) : null}
          </fieldset>
          <fieldset
            className={limitsError ? 'field field--invalid' : 'field'}
            aria-describedby={['agent-limits-hint', limitsError ? 'agent-limits-error' : ''].filter(Boolean).join(' ')}
          >
            <legend>Interactions at once</legend>
            <p id="agent-limits-hint" className="field__hint">
              How many interactions of each kind the agent handles at the same time. Voice is at most {MAX_VOICE}.
              {editing ? null : ' Empty fields take the platform’s defaults.'}
            </p>
            <div className="field-grid field-grid--narrow">
              {CHANNELS.map((c) => (
                <TextField
                  key={c}
                  id={`agent-max-${c}`}
                  label={CHANNEL_LABEL[c]}
                  testId={`agent-max-${c}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={c === 'VOICE' ? MAX_VOICE : undefined}
                  step={1}
                  required={editing}
                  placeholder={editing ? undefined : 'Default'}
                  value={limits[c]}
                  onChange={(e) => {
                    const value = e.target.value;
                    setLimits((current) => ({ ...current, [c]: value }));
                  }}
                  error={errors.fields[`maxConcurrent.${c}`]}
                />
              ))}
            </div>
            {limitsError ? (
              <p id="agent-limits-error" className="field__error" data-testid="agent-limits-error">
                {limitsError}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="field">
            <legend>SIP login</legend>
            <p className="field__hint">For a desk phone or softphone that registers with its own SIP account.</p>
            <TextField
              id="agent-sip-username"
              label="SIP username"
              testId="agent-sip-username"
              autoComplete="off"
              value={sipUsername}
              onChange={(e) => setSipUsername(e.target.value)}
              hint={agent?.sipUsername ? 'Clear it to remove the SIP login (with its password).' : undefined}
              error={errors.fields.sipUsername}
            />
            {passwordOpen ? (
              <div className="stack">
                <TextField
                  id="agent-sip-password"
                  label={editing ? 'New SIP password' : 'SIP password'}
                  testId="agent-sip-password"
                  type="password"
                  autoComplete="new-password"
                  value={sipPassword}
                  onChange={(e) => setSipPassword(e.target.value)}
                  hint="Write-only: once saved it cannot be shown again."
                  error={errors.fields.sipPassword}
                />
                {editing ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    data-testid="agent-sip-password-cancel"
                    onClick={() => {
                      setPasswordOpen(false);
                      setSipPassword('');
                    }}
                  >
                    {agent?.hasSipPassword ? 'Keep the current password' : 'Do not set a password'}
                  </button>
                ) : null}
              </div>
            ) : (
              <p className="sip-password" data-testid="agent-sip-password-status">
                <span>{agent?.hasSipPassword ? 'A SIP password is set.' : 'No SIP password.'}</span>{' '}
                <button
                  type="button"
                  className="button button--small"
                  data-testid="agent-sip-password-open"
                  onClick={() => setPasswordOpen(true)}
                >
                  {agent?.hasSipPassword ? 'Change password' : 'Set password'}
                </button>
              </p>
            )}
            {errors.fields.sipPassword && !passwordOpen ? (
              <p className="field__error" data-testid="agent-sip-password-error">
                {errors.fields.sipPassword}
              </p>
            ) : null}
          </fieldset>
        </div>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="agent-submit"
          disabled={busy || (!editing && candidates.length === 0)}
        >
          {busy ? 'Saving…' : agent ? 'Save changes' : 'Add agent'}
        </button>
        {agent ? (
          <button type="button" className="button button--ghost" data-testid="agent-cancel" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
