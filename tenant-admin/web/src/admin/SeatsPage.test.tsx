import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Seats } from '../api/types';
import { adminPlatform, apiCalls, type Route } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';

/** The lease kept in memory; `billing` tells whether the server bills it. */
function seatsApi(overrides: Record<string, Route> = {}, { billing = true, roles = ['ADMIN'] } = {}) {
  let seats: Seats = { leased: 5, inUse: 2 };
  return adminPlatform(
    {
      'GET /api/v1/seats': () => json(200, seats),
      'PUT /api/v1/seats': (call: Call) => {
        seats = { ...seats, leased: (call.body as { leased: number }).leased };
        return json(200, seats);
      },
      'GET /api/v1/billing': () =>
        json(200, {
          enabled: billing,
          plan: 'standard',
          status: 'ACTIVE',
          seats,
          subscription: null,
          graceEndsAt: null,
          retainedUntil: null,
          usage: { periodStart: null, periodEnd: null, calls: 0, minutes: 0, unreportedMinutes: 0 },
          invoices: [],
          notices: [],
        }),
      ...overrides,
    },
    roles,
  );
}

async function openSeats(overrides?: Record<string, Route>, options?: { billing?: boolean; roles?: string[] }) {
  const roles = options?.roles ?? ['ADMIN'];
  const view = renderApp(seatsApi(overrides, options), { path: '/admin/seats', session: sessionWith({ roles }) });
  await screen.findByTestId('seats-leased-count');
  return view;
}

describe('seats section', () => {
  it('shows the seats leased and in use', async () => {
    await openSeats();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Seats');
    expect(screen.getByTestId('seats-leased-count')).toHaveTextContent(/^5$/);
    expect(screen.getByTestId('seats-in-use')).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('seats-free')).toHaveTextContent(/^3$/);
    expect(screen.getByLabelText('Seats leased')).toHaveValue(5);
    expect(screen.getByLabelText('Seats leased')).toHaveAccessibleDescription('Not fewer than the 2 seats in use.');
    expect(screen.queryByTestId('section-seats')).not.toBeInTheDocument();
  });

  it('changes the lease, and says that billing prorates it', async () => {
    const { calls } = await openSeats();
    expect(await screen.findByTestId('seats-prorated')).toHaveTextContent('Changes are prorated on your next invoice.');
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Seats leased'));
    await user.type(screen.getByLabelText('Seats leased'), '7');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByTestId('seats-notice')).toHaveTextContent(
      'Your company now leases 7 seats. Changes are prorated on your next invoice.',
    );
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.body, c.authorization])).toEqual([
      ['/api/v1/seats', { leased: 7 }, 'Bearer access-1'],
    ]);
    expect(screen.getByTestId('seats-leased-count')).toHaveTextContent(/^7$/);
    expect(screen.getByTestId('seats-free')).toHaveTextContent(/^5$/);
    // the shell reloads the tenant, whose lease changed
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/tenant')).toHaveLength(2));
  });

  it('shows the detail of the 409 when lowering below the seats in use', async () => {
    const { calls } = await openSeats({
      'PUT /api/v1/seats': () =>
        problem(409, {
          title: 'Conflict',
          detail: '2 seats are in use; the lease cannot go below that.',
          code: 'seats-in-use',
        }),
    });
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Seats leased'));
    await user.type(screen.getByLabelText('Seats leased'), '1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByTestId('seats-error')).toHaveTextContent(
      '2 seats are in use; the lease cannot go below that.',
    );
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ leased: 1 });
    expect(screen.getByTestId('seats-leased-count')).toHaveTextContent(/^5$/);
    expect(screen.queryByTestId('seats-notice')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('checks the number before sending it, and sends nothing unchanged', async () => {
    const { calls } = await openSeats();
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Seats leased'));
    await user.type(screen.getByLabelText('Seats leased'), '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByTestId('seats-leased-error')).toHaveTextContent('Enter a whole number of seats, at least 1.');
    expect(screen.getByLabelText('Seats leased')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText('Seats leased'));
    await user.type(screen.getByLabelText('Seats leased'), '5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByTestId('seats-notice')).toHaveTextContent('Nothing to save: your company already leases 5 seats.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('does not mention proration when billing is disabled', async () => {
    const { calls } = await openSeats(undefined, { billing: false });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/billing')).toBe(true));
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Seats leased'));
    await user.type(screen.getByLabelText('Seats leased'), '1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('seats-notice')).toHaveTextContent(/^Your company now leases 1 seat\.$/);
    expect(screen.queryByTestId('seats-prorated')).not.toBeInTheDocument();
  });

  it('shows a supervisor the lease without the form or billing', async () => {
    const { calls } = await openSeats(undefined, { roles: ['SUPERVISOR'] });
    expect(screen.getByTestId('seats-in-use')).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('seats-admins-only')).toHaveTextContent('Only an administrator');
    expect(screen.queryByTestId('seats-form')).not.toBeInTheDocument();
    expect(apiCalls(calls).map((c) => c.path)).toEqual(['/api/v1/seats']);
  });

  it('shows an error when the seats cannot be loaded', async () => {
    renderApp(seatsApi({ 'GET /api/v1/seats': () => problem(503, { detail: 'The database is starting.' }) }), {
      path: '/admin/seats',
      session: sessionWith(),
    });
    expect(await screen.findByTestId('seats-load-error')).toHaveTextContent('The database is starting.');
  });
});
