import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Billing } from '../api/types';
import { browser } from '../components/browser';
import { TENANT, adminPlatform, apiCalls, type Route } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith } from '../test/fakeApi';

/** The expected text, worked out apart from the app: amounts in major units, the browser's locale. */
const usd = (major: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(major);
const eur = (major: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(major);
const jpy = (major: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'JPY' }).format(major);
const localDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

const ENABLED: Billing = {
  enabled: true,
  plan: 'standard',
  status: 'PAST_DUE',
  seats: { leased: 5, inUse: 2 },
  subscription: {
    status: 'past_due',
    currentPeriodStart: '2026-11-01T12:00:00Z',
    currentPeriodEnd: '2026-12-01T12:00:00Z',
    cancelAtPeriodEnd: false,
    trialEndsAt: '2026-11-15T12:00:00Z',
  },
  graceEndsAt: '2026-11-20T12:00:00Z',
  retainedUntil: null,
  usage: {
    periodStart: '2026-11-01T12:00:00Z',
    periodEnd: '2026-12-01T12:00:00Z',
    calls: 3,
    minutes: 12,
    unreportedMinutes: 1,
  },
  invoices: [
    {
      id: 'in_1',
      number: 'ABC-0001',
      status: 'paid',
      amountDue: 12500,
      amountPaid: 12500,
      currency: 'usd',
      createdAt: '2026-10-01T12:00:00Z',
      hostedInvoiceUrl: 'https://invoice.stripe.test/i/1',
      pdfUrl: 'https://invoice.stripe.test/i/1/pdf',
    },
    {
      id: 'in_2',
      number: 'ABC-0002',
      status: 'open',
      amountDue: 4999,
      amountPaid: 0,
      currency: 'eur',
      createdAt: '2026-11-01T12:00:00Z',
      hostedInvoiceUrl: 'https://invoice.stripe.test/i/2',
      pdfUrl: null,
    },
    {
      id: 'in_3',
      number: 'ABC-0003',
      status: 'paid',
      amountDue: 3000,
      amountPaid: 3000,
      currency: 'jpy',
      createdAt: '2026-11-02T12:00:00Z',
      hostedInvoiceUrl: null,
      pdfUrl: null,
    },
  ],
  notices: ['Your trial ends on 2026-11-15.', 'A payment of $125.00 failed on 2026-11-13.'],
};

const DISABLED: Billing = {
  enabled: false,
  plan: null,
  status: 'ACTIVE',
  seats: { leased: 10, inUse: 4 },
  subscription: null,
  graceEndsAt: null,
  retainedUntil: null,
  usage: { periodStart: null, periodEnd: null, calls: 42, minutes: 130, unreportedMinutes: 0 },
  invoices: [],
  notices: [],
};

async function openBilling(routes: Record<string, Route>, roles: string[] = ['ADMIN']) {
  const view = renderApp(adminPlatform(routes, roles), { path: '/admin/billing', session: sessionWith({ roles }) });
  await screen.findByRole('heading', { level: 1, name: 'Billing' });
  return view;
}

describe('billing section', () => {
  it('shows the plan, status, seats, period, usage, notices and invoices', async () => {
    const { calls } = await openBilling({ 'GET /api/v1/billing': () => json(200, ENABLED) });

    expect(await screen.findByTestId('billing-plan')).toHaveTextContent('standard');
    expect(screen.getByTestId('billing-status')).toHaveTextContent('PAST_DUE');
    expect(screen.getByTestId('billing-status')).toHaveClass('badge--warn');
    expect(screen.getByTestId('billing-seats')).toHaveTextContent('5 leased, 2 in use');
    expect(screen.getByTestId('billing-period')).toHaveTextContent(
      `${localDay('2026-11-01T12:00:00Z')} – ${localDay('2026-12-01T12:00:00Z')}`,
    );
    expect(screen.getByTestId('billing-renewal')).toHaveTextContent(`Renews on ${localDay('2026-12-01T12:00:00Z')}`);
    expect(screen.getByTestId('billing-trial-end')).toHaveTextContent(localDay('2026-11-15T12:00:00Z'));
    expect(screen.getByTestId('billing-grace-end')).toHaveTextContent(localDay('2026-11-20T12:00:00Z'));

    expect(screen.getByTestId('billing-usage-calls')).toHaveTextContent(/^3$/);
    expect(screen.getByTestId('billing-usage-minutes')).toHaveTextContent(/^12$/);
    expect(screen.getByTestId('billing-usage-unreported')).toHaveTextContent(/^1$/);

    const notices = within(screen.getByTestId('billing-notices')).getAllByRole('listitem');
    expect(notices.map((n) => n.textContent)).toEqual([
      'Your trial ends on 2026-11-15.',
      'A payment of $125.00 failed on 2026-11-13.',
    ]);

    const table = screen.getByRole('table', { name: 'Invoices' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    const first = screen.getByTestId('invoice-row-in_1');
    expect(first).toHaveTextContent('ABC-0001');
    expect(first).toHaveTextContent(localDay('2026-10-01T12:00:00Z'));
    expect(first).toHaveTextContent('paid');
    const view = within(first).getByRole('link', { name: 'View invoice ABC-0001 (opens in a new tab)' });
    expect(view).toHaveAttribute('href', 'https://invoice.stripe.test/i/1');
    expect(view).toHaveAttribute('target', '_blank');
    expect(view).toHaveAttribute('rel', 'noopener noreferrer');
    const pdf = within(first).getByRole('link', { name: 'PDF of invoice ABC-0001 (opens in a new tab)' });
    expect(pdf).toHaveAttribute('href', 'https://invoice.stripe.test/i/1/pdf');
    expect(pdf).toHaveAttribute('target', '_blank');
    expect(pdf).toHaveAttribute('rel', 'noopener noreferrer');
    // no PDF yet: only the hosted page
    expect(within(screen.getByTestId('invoice-row-in_2')).getAllByRole('link')).toHaveLength(1);
    expect(within(screen.getByTestId('invoice-row-in_3')).queryAllByRole('link')).toHaveLength(0);

    expect(screen.getByTestId('billing-portal')).toHaveTextContent('Manage payment and invoices');
    expect(screen.queryByTestId('billing-checkout')).not.toBeInTheDocument();
    expect(screen.queryByTestId('billing-disabled')).not.toBeInTheDocument();
    expect(apiCalls(calls).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v1/billing']);
    expect(calls.every((c) => c.authorization === 'Bearer access-1')).toBe(true);
  });

  it('formats each amount from minor units in its invoice’s currency', async () => {
    await openBilling({ 'GET /api/v1/billing': () => json(200, ENABLED) });
    expect(await screen.findByTestId('invoice-amount-in_1')).toHaveTextContent(usd(125));
    expect(screen.getByTestId('invoice-amount-in_2')).toHaveTextContent(eur(49.99));
    // yen have no minor unit
    expect(screen.getByTestId('invoice-amount-in_3')).toHaveTextContent(jpy(3000));
  });

  it('says plainly when billing is disabled, without the portal or invoices', async () => {
    await openBilling({ 'GET /api/v1/billing': () => json(200, DISABLED) });
    expect(await screen.findByTestId('billing-disabled')).toHaveTextContent(
      'Billing is not enabled on this server; an operator sets your seats.',
    );
    expect(screen.getByTestId('billing-plan')).toHaveTextContent('None');
    expect(screen.getByTestId('billing-status')).toHaveTextContent('ACTIVE');
    expect(screen.getByTestId('billing-seats')).toHaveTextContent('10 leased, 4 in use');
    expect(screen.getByTestId('billing-period')).toHaveTextContent('—');
    expect(screen.getByTestId('billing-usage-calls')).toHaveTextContent(/^42$/);
    expect(screen.getByTestId('billing-usage-minutes')).toHaveTextContent(/^130$/);
    expect(screen.getByTestId('billing-usage-period')).toHaveTextContent('The current period.');
    expect(screen.queryByTestId('billing-portal')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Manage payment and invoices' })).toBeNull();
    expect(screen.queryByTestId('invoices-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('billing-notices')).not.toBeInTheDocument();
  });

  it('opens the Stripe portal: posts, then sends the browser to its address', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls } = await openBilling({
      'GET /api/v1/billing': () => json(200, { ...ENABLED, status: 'ACTIVE' }),
      'POST /api/v1/billing/portal': () => json(200, { url: 'https://billing.stripe.test/p/session_1' }),
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Manage payment and invoices' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://billing.stripe.test/p/session_1'));
    expect(assign).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.authorization])).toEqual([
      ['/api/v1/billing/portal', 'Bearer access-1'],
    ]);
    // the page is leaving: no second click
    expect(screen.getByTestId('billing-portal')).toBeDisabled();
    expect(screen.getByTestId('billing-portal')).toHaveTextContent('Opening the billing portal…');
  });

  it('shows why the portal cannot be opened', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    await openBilling({
      'GET /api/v1/billing': () => json(200, ENABLED),
      'POST /api/v1/billing/portal': () =>
        problem(409, { title: 'Conflict', detail: 'Billing is not enabled on this server.', code: 'billing-disabled' }),
    });
    await userEvent.setup().click(await screen.findByTestId('billing-portal'));
    expect(await screen.findByTestId('billing-action-error')).toHaveTextContent('Billing is not enabled on this server.');
    expect(screen.getByTestId('billing-portal')).toBeEnabled();
    expect(assign).not.toHaveBeenCalled();
  });

  it('offers to complete the payment while PENDING_PAYMENT', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const { calls } = await openBilling({
      'GET /api/v1/tenant': () => json(200, { ...TENANT, status: 'PENDING_PAYMENT' }),
      'GET /api/v1/billing': () =>
        json(200, { ...ENABLED, status: 'PENDING_PAYMENT', subscription: null, graceEndsAt: null, invoices: [], notices: [] }),
      'POST /api/v1/billing/checkout': () => json(200, { url: 'https://checkout.stripe.test/c/pay_1' }),
    });
    const checkout = await screen.findByTestId('billing-checkout');
    expect(checkout).toHaveTextContent('Complete payment');
    expect(screen.getByTestId('billing-status')).toHaveTextContent('PENDING_PAYMENT');
    expect(screen.getByTestId('invoices-table')).toHaveTextContent('No invoices yet.');

    await userEvent.setup().click(checkout);
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay_1'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/billing/checkout']);
  });

  it('shows a supervisor neither the section nor a call the server would refuse', async () => {
    const { calls } = await openBilling({}, ['SUPERVISOR']);
    expect(await screen.findByTestId('billing-admins-only')).toHaveTextContent(
      'Only an administrator of your company can see billing.',
    );
    const nav = screen.getByRole('navigation', { name: 'Admin sections' });
    expect(within(nav).queryByRole('link', { name: 'Billing' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Seats' })).toBeInTheDocument();
    expect(apiCalls(calls)).toEqual([]);
  });

  it('shows the server’s refusal', async () => {
    await openBilling({
      'GET /api/v1/billing': () => problem(403, { title: 'Forbidden', detail: 'Only admins may see billing.' }),
    });
    expect(await screen.findByTestId('billing-error')).toHaveTextContent('Only admins may see billing.');
  });
});
