import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useApi, useSession } from '../api/context';
import { problemOf } from '../api/problem';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorMessage, TextField, formErrors, noErrors, type FormErrors } from '../components/forms';
import { homeFor } from '../routes';

type Field = 'email' | 'password' | 'tenantId';

const FIELD_OF: Record<string, Field> = { email: 'email', password: 'password', tenantId: 'tenantId', tenant: 'tenantId' };

/** What other pages may hand the login page through the router's location state. */
export interface LoginState {
  /** Where to go after signing in (a path inside the app). */
  from?: string;
  notice?: string;
  email?: string;
  tenantId?: string;
}

function safeTarget(from: string | undefined): string | null {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : null;
}

export function LoginPage() {
  const api = useApi();
  const session = useSession();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  const [tenantId, setTenantId] = useState(state.tenantId ?? '');
  const [showTenant, setShowTenant] = useState(Boolean(state.tenantId));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);
  const tenantInput = useRef<HTMLInputElement>(null);
  const [focusTenant, setFocusTenant] = useState(false);

  useEffect(() => {
    if (focusTenant && tenantInput.current) {
      tenantInput.current.focus();
      setFocusTenant(false);
    }
  }, [focusTenant]);

  if (session) {
    return <Navigate to={safeTarget(state.from) ?? homeFor(session.roles)} replace />;
  }

  const notice =
    state.notice ?? (api.session.endReason() === 'expired' ? 'Your session has ended. Please sign in again.' : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const fields: Partial<Record<Field, string>> = {};
    if (email.trim() === '') fields.email = 'Enter your email.';
    if (password === '') fields.password = 'Enter your password.';
    if (showTenant && tenantId.trim() === '') fields.tenantId = 'Enter your tenant ID.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: 'Please fill in the highlighted fields.', fields, unmatched: [] });
      return;
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      // on success the session store changes and this page redirects
      await api.login({ email: email.trim(), password, tenantId: showTenant ? tenantId : undefined });
    } catch (e) {
      const problem = problemOf(e);
      if (problem.status === 400 && problem.code === 'tenant-required') {
        setShowTenant(true);
        setFocusTenant(true);
        setErrors({
          message: 'This email belongs to more than one company. Enter the tenant ID of the one to sign in to.',
          fields: {},
          unmatched: [],
        });
      } else {
        setErrors(formErrors(problem, FIELD_OF));
      }
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Sign in to your Callisto contact center."
      footer={
        <>
          New to Callisto? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        {notice && !errors.message ? (
          <div className="alert alert--info" role="status" data-testid="login-notice">
            {notice}
          </div>
        ) : null}
        <ErrorMessage message={errors.message} extra={errors.unmatched} />
        <TextField
          id="email"
          label="Email"
          testId="login-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <TextField
          id="password"
          label="Password"
          testId="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        {showTenant ? (
          <TextField
            ref={tenantInput}
            id="tenantId"
            label="Tenant ID"
            testId="login-tenant"
            autoComplete="off"
            spellCheck={false}
            required
            value={tenantId}
            onChange={(e) => setTenantId(e.target.value)}
            hint="Your company's tenant ID, shown on its admin overview page."
            error={errors.fields.tenantId}
          />
        ) : null}
        <button type="submit" className="button button--primary button--block" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
