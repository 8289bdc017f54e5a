import { useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import { ROLES, type Role, type User } from '../api/types';
import { ErrorMessage, TextField, formErrors, noErrors, type FormErrors } from '../components/forms';
import { useTitle } from '../components/useTitle';
import { confirmer } from './confirm';
import { formatDate } from './OverviewPage';
import { isAdmin, useShell } from './shellContext';

const PAGE_SIZE = 50;

const ROLE_HELP: Record<Role, string> = {
  ADMIN: 'manages the company, its users and settings',
  SUPERVISOR: 'watches queues and agents, reads reports',
  AGENT: 'takes calls',
};

/** The confirmation seam (shared by the admin pages), where the tests have always found it. */
export { confirmer };

/** The tenant's users: a paged list, and for admins a create form and delete buttons. */
export function UsersPage() {
  useTitle('Users');
  const api = useApi();
  const { me } = useShell();
  const admin = isAdmin(me);
  const [users, setUsers] = useState<User[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api
      .listUsers(null, PAGE_SIZE, abort.signal)
      .then((page) => {
        setUsers(page.items);
        setNext(page.next ?? null);
      })
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setListError(problemOf(e).detail);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [api]);

  async function loadMore() {
    if (!next) return;
    setLoadingMore(true);
    setListError(null);
    try {
      const page = await api.listUsers(next, PAGE_SIZE);
      setUsers((current) => {
        const seen = new Set(current.map((u) => u.id));
        return [...current, ...page.items.filter((u) => !seen.has(u.id))];
      });
      setNext(page.next ?? null);
    } catch (e) {
      setListError(problemOf(e).detail);
    } finally {
      setLoadingMore(false);
    }
  }

  async function remove(user: User) {
    if (!confirmer.confirm(`Delete ${user.name} (${user.email})? They will no longer be able to sign in.`)) {
      return;
    }
    setDeleting(user.id);
    setListError(null);
    try {
      await api.deleteUser(user.id);
      setUsers((current) => current.filter((u) => u.id !== user.id));
    } catch (e) {
      setListError(problemOf(e).detail);
    } finally {
      setDeleting(null);
    }
  }

  function created(user: User) {
    setUsers((current) => [user, ...current.filter((u) => u.id !== user.id)]);
  }

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <p className="lead">Everyone who signs in to your contact center, and what each of them may do.</p>
      <div className={admin ? 'split' : undefined}>
        <div className="card">
          <ErrorMessage message={listError} testId="users-error" />
          <div className="table-wrap">
            <table className="table" data-testid="users-table" aria-busy={loading}>
              <caption className="visually-hidden">Users</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Created</th>
                  {admin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.id}`}>
                    <td>
                      {u.name}
                      {u.id === me.userId ? <span className="tag">you</span> : null}
                    </td>
                    <td>{u.email}</td>
                    <td>
                      {u.roles.map((r) => (
                        <span key={r} className="tag tag--role">
                          {r}
                        </span>
                      ))}
                    </td>
                    <td className="nowrap">{formatDate(u.createdAt)}</td>
                    {admin ? (
                      <td className="table__actions">
                        <button
                          type="button"
                          className="button button--danger button--small"
                          data-testid={`user-delete-${u.id}`}
                          onClick={() => remove(u)}
                          disabled={u.id === me.userId || deleting !== null}
                          title={u.id === me.userId ? 'You cannot delete yourself' : undefined}
                          aria-label={`Delete ${u.name}`}
                        >
                          {deleting === u.id ? 'Deleting…' : 'Delete'}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
                {!loading && users.length === 0 ? (
                  <tr>
                    <td colSpan={admin ? 5 : 4} className="muted">
                      No users yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          {loading ? (
            <p className="muted" role="status">
              Loading users…
            </p>
          ) : null}
          {next ? (
            <div className="card__footer">
              <button
                type="button"
                className="button"
                data-testid="users-load-more"
                onClick={loadMore}
                disabled={loadingMore}
              >
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          ) : null}
        </div>
        {admin ? <CreateUserForm onCreated={created} /> : null}
      </div>
    </section>
  );
}

type Field = 'email' | 'name' | 'password' | 'roles';

const FIELD_OF: Record<string, Field> = { email: 'email', name: 'name', password: 'password', roles: 'roles' };

const BY_CODE = { 'duplicate-email': { field: 'email', message: 'A user with this email already exists.' } } as const;

function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Set<Role>>(new Set<Role>(['AGENT']));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  function toggle(role: Role, on: boolean) {
    setRoles((current) => {
      const copy = new Set(current);
      if (on) copy.add(role);
      else copy.delete(role);
      return copy;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const fields: Partial<Record<Field, string>> = {};
    if (email.trim() === '') fields.email = 'Enter an email.';
    if (name.trim() === '') fields.name = 'Enter a name.';
    if (password === '') fields.password = 'Choose a first password.';
    if (roles.size === 0) fields.roles = 'Choose at least one role.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: 'Please correct the highlighted fields.', fields, unmatched: [] });
      return;
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      const user = await api.createUser({
        email: email.trim(),
        name: name.trim(),
        password,
        roles: ROLES.filter((r) => roles.has(r)),
      });
      onCreated(user);
      setDone(`Created ${user.name} (${user.email}).`);
      setEmail('');
      setName('');
      setPassword('');
      setRoles(new Set<Role>(['AGENT']));
    } catch (e) {
      setErrors(formErrors(problemOf(e), FIELD_OF, BY_CODE));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="create-user-title" aria-busy={busy}>
      <h2 id="create-user-title">Add a user</h2>
      {done ? (
        <div className="alert alert--success" role="status" data-testid="user-create-success">
          {done}
        </div>
      ) : null}
      <ErrorMessage message={errors.message} extra={errors.unmatched} />
      <TextField
        id="user-email"
        label="Email"
        testId="user-create-email"
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
      />
      <TextField
        id="user-name"
        label="Name"
        testId="user-create-name"
        autoComplete="off"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      <TextField
        id="user-password"
        label="First password"
        testId="user-create-password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint="At least 10 characters. Share it with the user privately."
        error={errors.fields.password}
      />
      <fieldset
        className={errors.fields.roles ? 'field field--invalid' : 'field'}
        aria-describedby={errors.fields.roles ? 'user-roles-error' : undefined}
      >
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              data-testid={`user-create-role-${r}`}
              checked={roles.has(r)}
              onChange={(e) => toggle(r, e.target.checked)}
            />
            <span>
              <strong>{r}</strong> <span className="muted">— {ROLE_HELP[r]}</span>
            </span>
          </label>
        ))}
        {errors.fields.roles ? (
          <p id="user-roles-error" className="field__error">
            {errors.fields.roles}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="button button--primary" data-testid="user-create-submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}
