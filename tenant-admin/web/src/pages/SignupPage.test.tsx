import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, renderApp, TOKENS, type Call } from '../test/fakeApi';
import { browser } from './SignupPage';

const TENANT = { id: 't-1', companyName: 'Acme', status: 'ACTIVE', seatsLeased: 2, plan: null, createdAt: '2025-01-01T00:00:00Z' };
const ME = { userId: 'u-1', tenantId: 't-1', email: 'ann@acme.test', name: 'Ann Admin', roles: ['ADMIN'] };

async function fillSignup(seats = '2') {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('signup-company'), 'Acme');
  await user.type(screen.getByTestId('signup-name'), 'Ann Admin');
  await user.type(screen.getByTestId('signup-email'), 'ann@acme.test');
  await user.type(screen.getByTestId('signup-password'), 'Str0ng-Passw0rd!');
  await user.clear(screen.getByTestId('signup-seats'));
  await user.type(screen.getByTestId('signup-seats'), seats);
  await user.click(screen.getByTestId('signup-submit'));
  return user;
}

function platform(signupAnswer: () => Response) {
  return (call: Call): Response => {
    switch (`${call.method} ${call.path}`) {
      case 'POST /api/v1/signup':
        return signupAnswer();
      case 'POST /api/v1/auth/token':
        return json(200, TOKENS);
      case 'GET /api/v1/tenant':
        return json(200, TENANT);
      case 'GET /api/v1/me':
        return json(200, ME);
      default:
        return problem(404, { detail: `no ${call.path}` });
    }
  };
}

describe('SignupPage', () => {
  it('has every field, with one seat by default', () => {
    renderApp(platform(() => json(201, {})), { path: '/signup' });
    expect(screen.getByRole('heading', { name: 'Create your contact center' })).toBeInTheDocument();
    expect(screen.getByLabelText('Company name')).toHaveAttribute('data-testid', 'signup-company');
    expect(screen.getByLabelText('Your name')).toBeInTheDocument();
    expect(screen.getByLabelText('Work email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('signup-seats')).toHaveValue(1);
  });

  it('signs up, signs in with the same credentials and lands in /admin', async () => {
    const { calls } = renderApp(
      platform(() => json(201, { tenantId: 't-1', adminUserId: 'u-1', status: 'ACTIVE' })),
      { path: '/signup' },
    );
    await fillSignup('3');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin'));
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/signup',
      body: {
        companyName: 'Acme',
        adminName: 'Ann Admin',
        adminEmail: 'ann@acme.test',
        adminPassword: 'Str0ng-Passw0rd!',
        seats: 3,
      },
    });
    expect(calls[1]).toMatchObject({
      path: '/api/v1/auth/token',
      body: { email: 'ann@acme.test', password: 'Str0ng-Passw0rd!', tenantId: 't-1' },
    });
    expect(await screen.findByTestId('tenant-name')).toHaveTextContent('Acme');
  });

  it('signs in, then goes to the checkout page when billing asks for payment', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls, store } = renderApp(
      platform(() =>
        json(201, { tenantId: 't-1', adminUserId: 'u-1', status: 'PENDING_PAYMENT', checkoutUrl: 'https://pay.example/c/1' }),
      ),
      { path: '/signup' },
    );
    await fillSignup();
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://pay.example/c/1'));
    expect(assign).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/signup', '/api/v1/auth/token']);
    expect(calls[1].body).toEqual({ email: 'ann@acme.test', password: 'Str0ng-Passw0rd!', tenantId: 't-1' });
    // signed in, /signup/success can follow the payment when Checkout comes back to this tab
    expect(store.get()?.accessToken).toBe('access-1');
    // the browser is leaving for Stripe: the app does not navigate
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/signup$/);
  });

  it('goes to the checkout page even when signing in is refused', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls, store } = renderApp(
      (call: Call) =>
        call.path === '/api/v1/auth/token'
          ? problem(403, { detail: 'The company has not paid yet.' })
          : json(201, { tenantId: 't-1', adminUserId: 'u-1', status: 'PENDING_PAYMENT', checkoutUrl: 'https://pay.example/c/2' }),
      { path: '/signup' },
    );
    await fillSignup();
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://pay.example/c/2'));
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/signup', '/api/v1/auth/token']);
    expect(store.get()).toBeNull();
    expect(screen.queryByTestId('error-message')).not.toBeInTheDocument();
  });

  it('shows the problem detail and puts each field error beside its field', async () => {
    renderApp(
      platform(() =>
        problem(400, {
          title: 'Invalid input',
          detail: 'The sign-up is not valid.',
          code: 'invalid-input',
          errors: [
            { field: 'adminPassword', message: 'must be at least 10 characters' },
            { field: 'adminEmail', message: 'is already registered' },
            { field: 'plan', message: 'is unknown' },
          ],
        }),
      ),
      { path: '/signup' },
    );
    await fillSignup();

    const alert = await screen.findByTestId('error-message');
    expect(alert).toHaveTextContent('The sign-up is not valid.');
    // a field the form does not have is still shown
    expect(alert).toHaveTextContent('plan: is unknown');
    expect(screen.getByTestId('signup-password-error')).toHaveTextContent('must be at least 10 characters');
    expect(screen.getByTestId('signup-email-error')).toHaveTextContent('is already registered');
    expect(screen.getByTestId('signup-password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('signup-password')).toHaveAccessibleDescription(/must be at least 10 characters/);
    expect(screen.getByTestId('signup-company')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('location')).toHaveTextContent('/signup');
    expect(screen.getByTestId('signup-submit')).toBeEnabled();
  });

  it('marks the email when it already has an account', async () => {
    renderApp(
      platform(() => problem(409, { title: 'Conflict', detail: 'An account with this email exists.', code: 'duplicate-email' })),
      { path: '/signup' },
    );
    await fillSignup();
    expect(await screen.findByTestId('error-message')).toHaveTextContent('An account with this email exists.');
    expect(screen.getByTestId('signup-email-error')).toHaveTextContent('already has an account');
    expect(screen.getByTestId('signup-email')).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the obvious before calling the server', async () => {
    const { calls } = renderApp(platform(() => json(201, {})), { path: '/signup' });
    const user = userEvent.setup();
    await user.clear(screen.getByTestId('signup-seats'));
    await user.type(screen.getByTestId('signup-seats'), '0');
    await user.click(screen.getByTestId('signup-submit'));

    expect(screen.getByTestId('error-message')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.getByTestId('signup-company-error')).toHaveTextContent('Enter your company name.');
    expect(screen.getByTestId('signup-seats-error')).toHaveTextContent('at least 1');
    expect(calls).toHaveLength(0);
  });
});
