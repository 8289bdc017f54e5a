import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { User } from '../api/types';
import { json, noContent, problem, renderApp, sessionWith, TOKENS, type Call } from '../test/fakeApi';
import { confirmer } from './UsersPage';

const TENANT = {
  id: 't-acme',
  companyName: 'Acme Support',
  status: 'ACTIVE',
  seatsLeased: 5,
  plan: 'standard',
  createdAt: '2025-03-01T10:00:00Z',
};
const ME = { userId: 'u-ann', tenantId: 't-acme', email: 'ann@acme.test', name: 'Ann Admin', roles: ['ADMIN'] };

function user(n: number): User {
  return {
    id: `u-${n}`,
    email: `user${n}@acme.test`,
    name: `User ${n}`,
    roles: ['AGENT'],
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:00:00Z',
  };
}

const ANN: User = { ...user(0), id: 'u-ann', email: 'ann@acme.test', name: 'Ann Admin', roles: ['ADMIN'] };

/** A small stand-in for the platform with a users list that pages by two. */
function platform(overrides: Partial<Record<string, (call: Call) => Response>> = {}) {
  const users: User[] = [ANN, user(1), user(2)];
  return (call: Call): Response => {
    const key = `${call.method} ${call.path.split('?')[0]}`;
    const override = overrides[key];
    if (override) return override(call);
    switch (key) {
      case 'GET /api/v1/tenant':
        return json(200, TENANT);
      case 'GET /api/v1/me':
        return json(200, ME);
      case 'GET /api/v1/users': {
        const after = new URL(call.path, 'http://x').searchParams.get('after');
        const start = after ? users.findIndex((u) => u.id === after) + 1 : 0;
        const items = users.slice(start, start + 2);
        const next = start + 2 < users.length ? items[items.length - 1].id : null;
        return json(200, { items, next });
      }
      case 'POST /api/v1/users': {
        const body = call.body as { email: string; name: string; roles: string[] };
        const created = { ...user(9), email: body.email, name: body.name, roles: body.roles };
        users.push(created);
        return json(201, created);
      }
      case 'POST /api/v1/auth/logout':
        return noContent();
      default:
        if (call.method === 'DELETE') return noContent();
        return problem(404, { detail: `no ${key}` });
    }
  };
}

describe('admin shell', () => {
  it('shows the company, its status, the user and every section', async () => {
    renderApp(platform(), { path: '/admin', session: sessionWith({ userId: 'u-ann', tenantId: 't-acme' }) });

    expect(await screen.findByTestId('tenant-name')).toHaveTextContent('Acme Support');
    expect(screen.getByTestId('tenant-status')).toHaveTextContent('ACTIVE');
    expect(within(screen.getByTestId('user-menu')).getByText('Ann Admin')).toBeInTheDocument();
    expect(screen.getByTestId('overview-tenant-id')).toHaveTextContent('t-acme');
    expect(screen.getByTestId('overview-seats')).toHaveTextContent('5');
    expect(screen.getByTestId('overview-plan')).toHaveTextContent('standard');

    const nav = screen.getByRole('navigation', { name: 'Admin sections' });
    const links = within(nav).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Overview', '/admin'],
      ['Seats', '/admin/seats'],
      ['Users', '/admin/users'],
      ['Agents', '/admin/agents'],
      ['Queues', '/admin/queues'],
      ['Realtime', '/admin/realtime'],
      ['Calls', '/admin/calls'],
      ['Numbers & Trunks', '/admin/numbers'],
      ['IVR', '/admin/ivr'],
      ['CRM', '/admin/crm'],
      ['Reports', '/admin/reports'],
      ['Billing', '/admin/billing'],
    ]);
    expect(screen.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page');
  });

  it('warns about a status that limits the contact center', async () => {
    renderApp(platform({ 'GET /api/v1/tenant': () => json(200, { ...TENANT, status: 'PAST_DUE' }) }), {
      path: '/admin',
      session: sessionWith(),
    });
    expect(await screen.findByTestId('status-banner')).toHaveTextContent('A payment failed');
    expect(screen.getByTestId('tenant-status')).toHaveTextContent('PAST_DUE');
  });

  it('shows a later section as a heading and a sentence, without data', async () => {
    renderApp(platform(), { path: '/admin', session: sessionWith() });
    await userEvent.setup().click(await screen.findByTestId('nav-ivr'));
    const section = await screen.findByTestId('section-ivr');
    expect(within(section).getByRole('heading', { level: 1 })).toHaveTextContent('IVR');
    expect(section).toHaveTextContent('The voice menus that answer your numbers');
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/ivr');
  });

  it('signs out: revokes the refresh token and goes to /login', async () => {
    const { calls, store } = renderApp(platform(), { path: '/admin', session: sessionWith() });
    await screen.findByTestId('tenant-name');
    await userEvent.setup().click(screen.getByTestId('logout'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    expect(calls.find((c) => c.path === '/api/v1/auth/logout')?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(store.get()).toBeNull();
    expect(screen.getByTestId('login-email')).toBeInTheDocument();
  });

  it('goes to /login when the session cannot be refreshed', async () => {
    renderApp(
      platform({
        'GET /api/v1/tenant': () => problem(401, { detail: 'expired' }),
        'GET /api/v1/me': () => problem(401, { detail: 'expired' }),
        'POST /api/v1/auth/refresh': () => problem(401, { detail: 'revoked' }),
      }),
      { path: '/admin/users', session: sessionWith() },
    );
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    expect(screen.getByTestId('login-notice')).toHaveTextContent('Your session has ended');
  });

  it('sends a visitor without a session to /login, and back after signing in', async () => {
    renderApp(platform({ 'POST /api/v1/auth/token': () => json(200, TOKENS) }), { path: '/admin/users' });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    const user = userEvent.setup();
    await user.type(screen.getByTestId('login-email'), 'ann@acme.test');
    await user.type(screen.getByTestId('login-password'), 'Str0ng-Passw0rd!');
    await user.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/users'));
  });
});

describe('users section', () => {
  async function openUsers(overrides?: Parameters<typeof platform>[0]) {
    const view = renderApp(platform(overrides), {
      path: '/admin/users',
      session: sessionWith({ userId: 'u-ann', tenantId: 't-acme' }),
    });
    await screen.findByTestId('user-row-u-1');
    return view;
  }

  it('lists users and loads more with the cursor', async () => {
    const { calls } = await openUsers();
    const table = screen.getByTestId('users-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2
    await userEvent.setup().click(screen.getByTestId('users-load-more'));
    await screen.findByTestId('user-row-u-2');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByTestId('users-load-more')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path.startsWith('/api/v1/users')).map((c) => c.path)).toEqual([
      '/api/v1/users?limit=50',
      '/api/v1/users?limit=50&after=u-1',
    ]);
    // one cannot delete oneself
    expect(screen.getByTestId('user-delete-u-ann')).toBeDisabled();
  });

  it('creates a user with the chosen roles', async () => {
    const { calls } = await openUsers();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('user-create-email'), 'sam@acme.test');
    await user.type(screen.getByTestId('user-create-name'), 'Sam Super');
    await user.type(screen.getByTestId('user-create-password'), 'An0ther-Passw0rd');
    await user.click(screen.getByTestId('user-create-role-SUPERVISOR'));
    await user.click(screen.getByTestId('user-create-submit'));

    expect(await screen.findByTestId('user-create-success')).toHaveTextContent('Created Sam Super (sam@acme.test).');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/users')?.body).toEqual({
      email: 'sam@acme.test',
      name: 'Sam Super',
      password: 'An0ther-Passw0rd',
      roles: ['SUPERVISOR', 'AGENT'],
    });
    expect(within(screen.getByTestId('users-table')).getByText('sam@acme.test')).toBeInTheDocument();
    expect(screen.getByTestId('user-create-email')).toHaveValue('');
  });

  it('shows field errors from the server on the create form', async () => {
    await openUsers({
      'POST /api/v1/users': () =>
        problem(409, { detail: 'A user with this email exists.', errors: [{ field: 'email', message: 'is taken' }] }),
    });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('user-create-email'), 'user1@acme.test');
    await user.type(screen.getByTestId('user-create-name'), 'Dup');
    await user.type(screen.getByTestId('user-create-password'), 'An0ther-Passw0rd');
    await user.click(screen.getByTestId('user-create-submit'));
    expect(await screen.findByTestId('error-message')).toHaveTextContent('A user with this email exists.');
    expect(screen.getByTestId('user-create-email-error')).toHaveTextContent('is taken');
  });

  it('deletes a user only after confirmation', async () => {
    const confirm = vi.spyOn(confirmer, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { calls } = await openUsers();
    const user = userEvent.setup();

    await user.click(screen.getByTestId('user-delete-u-1'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('User 1 (user1@acme.test)'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByTestId('user-delete-u-1'));
    await waitFor(() => expect(screen.queryByTestId('user-row-u-1')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/users/u-1']);
  });

  it('hides the admin controls from a supervisor', async () => {
    renderApp(
      platform({ 'GET /api/v1/me': () => json(200, { ...ME, roles: ['SUPERVISOR'] }) }),
      { path: '/admin/users', session: sessionWith({ roles: ['SUPERVISOR'] }) },
    );
    await screen.findByTestId('user-row-u-1');
    expect(screen.queryByTestId('user-create-submit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-delete-u-1')).not.toBeInTheDocument();
  });
});
