import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, renderApp, sessionWith, TOKENS, type Call } from '../test/fakeApi';

const TENANT = { id: 't-1', companyName: 'Acme', status: 'ACTIVE', seatsLeased: 2, plan: null, createdAt: '2025-01-01T00:00:00Z' };
const ME = { userId: 'u-1', tenantId: 't-1', email: 'ann@acme.test', name: 'Ann Admin', roles: ['ADMIN'] };

function withLogin(login: (call: Call) => Response) {
  return (call: Call): Response => {
    if (call.path === '/api/v1/auth/token') return login(call);
    if (call.path === '/api/v1/tenant') return json(200, TENANT);
    if (call.path === '/api/v1/me') return json(200, ME);
    return problem(404, {});
  };
}

async function signIn(email = 'ann@acme.test', password = 'Str0ng-Passw0rd!') {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('login-email'), email);
  await user.type(screen.getByTestId('login-password'), password);
  await user.click(screen.getByTestId('login-submit'));
  return user;
}

describe('LoginPage', () => {
  it('signs in and opens the admin console', async () => {
    const { calls } = renderApp(withLogin(() => json(200, TOKENS)), { path: '/login' });
    expect(screen.queryByTestId('login-tenant')).not.toBeInTheDocument();
    await signIn();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin$/));
    expect(calls[0].body).toEqual({ email: 'ann@acme.test', password: 'Str0ng-Passw0rd!' });
    expect(await screen.findByTestId('tenant-status')).toHaveTextContent('ACTIVE');
  });

  it('asks for the tenant when the email belongs to several, then sends it', async () => {
    const { calls } = renderApp(
      withLogin((call) =>
        (call.body as { tenantId?: string }).tenantId === 't-2'
          ? json(200, { ...TOKENS, tenantId: 't-2' })
          : problem(400, { detail: 'this email belongs to several tenants; add tenantId', code: 'tenant-required' }),
      ),
      { path: '/login' },
    );
    const user = await signIn();

    const tenant = await screen.findByTestId('login-tenant');
    expect(tenant).toHaveFocus();
    expect(screen.getByLabelText('Tenant ID')).toBe(tenant);
    expect(screen.getByTestId('error-message')).toHaveTextContent('more than one company');

    await user.type(tenant, 't-2');
    await user.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin'));
    expect(calls[1].body).toEqual({ email: 'ann@acme.test', password: 'Str0ng-Passw0rd!', tenantId: 't-2' });
  });

  it.each([
    [401, 'Wrong email or password.'],
    [403, 'Your company has been canceled.'],
    [429, 'Too many attempts; try again in 60 seconds.'],
  ])('shows the detail of a %i', async (status, detail) => {
    renderApp(withLogin(() => problem(status, { title: 'No', detail, code: 'x' })), { path: '/login' });
    await signIn();
    expect(await screen.findByTestId('error-message')).toHaveTextContent(detail);
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(screen.getByTestId('login-password')).toHaveValue('Str0ng-Passw0rd!');
  });

  it('puts field errors beside their fields', async () => {
    renderApp(
      withLogin(() =>
        problem(400, { detail: 'Invalid input', errors: [{ field: 'email', message: 'is not an email address' }] }),
      ),
      { path: '/login' },
    );
    await signIn('ann');
    expect(await screen.findByTestId('login-email-error')).toHaveTextContent('is not an email address');
    expect(screen.getByTestId('login-email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('error-message')).toHaveTextContent('Invalid input');
  });

  it('requires both fields before calling the server', async () => {
    const { calls } = renderApp(withLogin(() => json(200, TOKENS)), { path: '/login' });
    await userEvent.setup().click(screen.getByTestId('login-submit'));
    expect(screen.getByTestId('login-email-error')).toHaveTextContent('Enter your email.');
    expect(screen.getByTestId('login-password-error')).toHaveTextContent('Enter your password.');
    expect(calls).toHaveLength(0);
  });

  it('sends a signed-in user on to the admin console', async () => {
    renderApp(withLogin(() => json(200, TOKENS)), { path: '/login', session: sessionWith() });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin'));
  });
});
