import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import { AuthLayout } from '../components/AuthLayout';
import { browser } from '../components/browser';
import { ErrorMessage, TextField, formErrors, noErrors, type FormErrors } from '../components/forms';
import { homeFor } from '../routes';

type Field = 'companyName' | 'adminName' | 'adminEmail' | 'adminPassword' | 'seats';

/** The API's field names (and a few likely synonyms) to this form's inputs. */
const FIELD_OF: Record<string, Field> = {
  companyName: 'companyName',
  company: 'companyName',
  adminName: 'adminName',
  name: 'adminName',
  adminEmail: 'adminEmail',
  email: 'adminEmail',
  adminPassword: 'adminPassword',
  password: 'adminPassword',
  seats: 'seats',
};

const BY_CODE = { 'duplicate-email': { field: 'adminEmail', message: 'This email already has an account. Sign in instead.' } } as const;

export { browser };

export function SignupPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [companyName, setCompanyName] = useState('');
  const [adminName, setAdminName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const [seats, setSeats] = useState('1');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);

  function validate(): FormErrors<Field> | null {
    const fields: Partial<Record<Field, string>> = {};
    if (companyName.trim() === '') fields.companyName = 'Enter your company name.';
    if (adminName.trim() === '') fields.adminName = 'Enter your name.';
    if (adminEmail.trim() === '') fields.adminEmail = 'Enter your work email.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail.trim())) fields.adminEmail = 'Enter an email address like name@company.com.';
    if (adminPassword === '') fields.adminPassword = 'Choose a password.';
    const n = Number(seats);
    if (!Number.isInteger(n) || n < 1) fields.seats = 'Enter a whole number of seats, at least 1.';
    if (Object.keys(fields).length === 0) {
      return null;
    }
    return { message: 'Please correct the highlighted fields.', fields, unmatched: [] };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const invalid = validate();
    if (invalid) {
      setErrors(invalid);
      return;
    }
    setErrors(noErrors());
    setBusy(true);
    const email = adminEmail.trim();
    let signedUp;
    try {
      signedUp = await api.signup({
        companyName: companyName.trim(),
        adminName: adminName.trim(),
        adminEmail: email,
        adminPassword,
        seats: Number(seats),
      });
    } catch (e) {
      setErrors(formErrors(problemOf(e), FIELD_OF, BY_CODE));
      setBusy(false);
      return;
    }
    if (signedUp.checkoutUrl) {
      // Signed in, this tab can follow the payment when Checkout sends it back to /signup/success
      // (the session lives in sessionStorage). The payment page matters more: a refused sign-in
      // does not stop it, and /signup/success then asks the user to sign in.
      try {
        await api.login({ email, password: adminPassword, tenantId: signedUp.tenantId });
      } catch {
        // signed out: fine
      }
      browser.assign(signedUp.checkoutUrl);
      return;
    }
    try {
      const session = await api.login({ email, password: adminPassword, tenantId: signedUp.tenantId });
      navigate(homeFor(session.roles), { replace: true });
    } catch {
      // the company exists; let the user sign in by hand
      navigate('/login', {
        replace: true,
        state: { notice: 'Your company was created. Sign in to continue.', email, tenantId: signedUp.tenantId },
      });
    }
  }

  return (
    <AuthLayout
      title="Create your contact center"
      subtitle="Sign up your company and become its first administrator."
      footer={
        <>
          Already have an account? <Link to="/login">Sign in</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorMessage message={errors.message} extra={errors.unmatched} />
        <TextField
          id="companyName"
          label="Company name"
          testId="signup-company"
          autoComplete="organization"
          required
          value={companyName}
          onChange={(e) => setCompanyName(e.target.value)}
          error={errors.fields.companyName}
        />
        <TextField
          id="adminName"
          label="Your name"
          testId="signup-name"
          autoComplete="name"
          required
          value={adminName}
          onChange={(e) => setAdminName(e.target.value)}
          error={errors.fields.adminName}
        />
        <TextField
          id="adminEmail"
          label="Work email"
          testId="signup-email"
          type="email"
          autoComplete="email"
          required
          value={adminEmail}
          onChange={(e) => setAdminEmail(e.target.value)}
          error={errors.fields.adminEmail}
        />
        <TextField
          id="adminPassword"
          label="Password"
          testId="signup-password"
          type="password"
          autoComplete="new-password"
          required
          value={adminPassword}
          onChange={(e) => setAdminPassword(e.target.value)}
          hint="At least 10 characters, mixing two kinds: lower case, upper case, digits, symbols."
          error={errors.fields.adminPassword}
        />
        <TextField
          id="seats"
          label="Seats"
          testId="signup-seats"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          required
          value={seats}
          onChange={(e) => setSeats(e.target.value)}
          hint="How many agents work at the same time. You can change this later."
          error={errors.fields.seats}
        />
        <button type="submit" className="button button--primary button--block" data-testid="signup-submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
