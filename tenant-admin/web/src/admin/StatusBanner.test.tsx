import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { browser } from '../components/browser';
import { TENANT, adminPlatform, type Route } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith } from '../test/fakeApi';

const GRACE = '2026-11-20T12:00:00Z';
const RETAINED = '2027-02-01T12:00:00Z';

/** The expected text, worked out apart from the app, in the browser's locale and time zone. */
const localMoment = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const localDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function platform(status: string, routes: Record<string, Route> = {}, roles: string[] = ['ADMIN']) {
  return adminPlatform(
    {
      'GET /api/v1/tenant': () => json(200, { ...TENANT, status }),
      'GET /api/v1/billing': () =>
        json(200, {
          enabled: true,
          plan: 'standard',
          status,
          seats: { leased: 5, inUse: 2 },
          subscription: null,
          graceEndsAt: status === 'PAST_DUE' ? GRACE : null,
          retainedUntil: status === 'CANCELED' ? RETAINED : null,
          usage: { periodStart: null, periodEnd: null, calls: 0, minutes: 0, unreportedMinutes: 0 },
          invoices: [],
          notices: [],
        }),
      'POST /api/v1/billing/portal': () => json(200, { url: 'https://billing.stripe.test/p/1' }),
      'POST /api/v1/billing/checkout': () => json(200, { url: 'https://checkout.stripe.test/c/1' }),
      ...routes,
    },
    roles,
  );
}

function openShell(status: string, routes?: Record<string, Route>, roles: string[] = ['ADMIN']) {
  return renderApp(platform(status, routes, roles), { path: '/admin', session: sessionWith({ roles }) });
}

describe('status banner', () => {
  it('warns an admin of a failed payment with the suspension date, and opens the portal', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls } = openShell('PAST_DUE');
    const banner = await screen.findByRole('alert');
    await waitFor(() =>
      expect(banner).toHaveTextContent(
        `A payment failed. Update your payment method before ${localMoment(GRACE)} to avoid suspension.`,
      ),
    );
    expect(banner).toHaveAttribute('data-testid', 'status-banner');
    expect(screen.getByTestId('tenant-status')).toHaveTextContent('PAST_DUE');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Update payment method' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://billing.stripe.test/p/1'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/billing/portal']);
  });

  it('tells a supervisor of a failed payment without billing’s dates or the portal', async () => {
    const { calls } = openShell('PAST_DUE', {}, ['SUPERVISOR']);
    expect(await screen.findByTestId('status-banner')).toHaveTextContent(
      'A payment failed. Update your payment method soon to avoid suspension. ' +
        'An administrator of your company can update it.',
    );
    expect(screen.getByTestId('status-banner')).toHaveAttribute('role', 'alert');
    expect(screen.queryByTestId('status-banner-action')).not.toBeInTheDocument();
    expect(calls.some((c) => c.path.startsWith('/api/v1/billing'))).toBe(false);
  });

  it('explains a suspension and lets an admin pay the open invoice', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls } = openShell('SUSPENDED');
    const banner = await screen.findByTestId('status-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveClass('alert--error');
    expect(banner).toHaveTextContent(
      'Your account is suspended for non-payment: agents cannot sign in and inbound calls are not queued. ' +
        'Pay the open invoice to restore service.',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Pay the open invoice' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://billing.stripe.test/p/1'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/billing/portal']);
    // no date to show for a suspension: billing is not asked
    expect(calls.some((c) => c.method === 'GET' && c.path === '/api/v1/billing')).toBe(false);
  });

  it('shows why the portal cannot be opened', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    openShell('SUSPENDED', {
      'POST /api/v1/billing/portal': () => problem(502, { detail: 'Stripe could not be reached. Try again later.' }),
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Pay the open invoice' }));
    expect(await screen.findByTestId('status-banner-error')).toHaveTextContent('Stripe could not be reached. Try again later.');
    expect(screen.getByTestId('status-banner-action')).toBeEnabled();
    expect(assign).not.toHaveBeenCalled();
  });

  it('asks an admin to complete the first payment, through checkout', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls } = openShell('PENDING_PAYMENT');
    const banner = await screen.findByTestId('status-banner');
    expect(banner).toHaveAttribute('role', 'status');
    expect(banner).toHaveTextContent('Complete payment to activate your seats.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Complete payment' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/c/1'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/billing/checkout']);
  });

  it('tells an admin until when a canceled company’s data is kept', async () => {
    openShell('CANCELED');
    const banner = await screen.findByTestId('status-banner');
    await waitFor(() =>
      expect(banner).toHaveTextContent(
        `Your subscription has ended. Your data is kept until ${localDay(RETAINED)}, then deleted.`,
      ),
    );
    expect(banner).toHaveAttribute('role', 'status');
    expect(screen.queryByTestId('status-banner-action')).not.toBeInTheDocument();
  });

  it('shows nothing for an active company', async () => {
    const { calls } = openShell('ACTIVE');
    expect(await screen.findByTestId('tenant-status')).toHaveTextContent('ACTIVE');
    expect(screen.queryByTestId('status-banner')).not.toBeInTheDocument();
    expect(calls.some((c) => c.path.startsWith('/api/v1/billing'))).toBe(false);
  });

  it('shows an agent the suspension on the agent page', async () => {
    const { calls } = renderApp(platform('SUSPENDED', {}, ['AGENT']), {
      path: '/agent',
      session: sessionWith({ roles: ['AGENT'] }),
    });
    const banner = await screen.findByTestId('status-banner');
    expect(banner).toHaveTextContent('Your account is suspended for non-payment');
    expect(banner).toHaveTextContent('An administrator of your company can pay it.');
    expect(screen.queryByTestId('status-banner-action')).not.toBeInTheDocument();
    // the desktop reads the tenant (and its own data), never billing
    expect(calls.map((c) => c.path)).toContain('/api/v1/tenant');
    expect(calls.some((c) => c.path.startsWith('/api/v1/billing'))).toBe(false);
  });
});
