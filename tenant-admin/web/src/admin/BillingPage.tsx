import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { Billing, Invoice } from '../api/types';
import { ErrorMessage } from '../components/forms';
import { useTitle } from '../components/useTitle';
import { day, moment, money, period } from './billingFormat';
import { isAdmin, useShell } from './shellContext';
import { StatusBadge } from './StatusBadge';
import { useBillingRedirect } from './useBillingRedirect';

export const BILLING_DISABLED = 'Billing is not enabled on this server; an operator sets your seats.';

const INVOICE_TONE: Record<string, string> = {
  paid: 'good',
  open: 'warn',
  uncollectible: 'bad',
  void: 'neutral',
  draft: 'neutral',
};

/** The company's plan, status, seats, usage this period and invoices, and the way to Stripe (ADMIN). */
export function BillingPage() {
  useTitle('Billing');
  const { me } = useShell();
  const admin = isAdmin(me);
  return (
    <section aria-labelledby="billing-title">
      <h1 id="billing-title">Billing</h1>
      <p className="lead">Your plan, seats, usage this period and invoices, and where to pay them.</p>
      {admin ? (
        <BillingDetails />
      ) : (
        <div className="alert alert--info" role="status" data-testid="billing-admins-only">
          Only an administrator of your company can see billing.
        </div>
      )}
    </section>
  );
}

function BillingDetails() {
  const api = useApi();
  const [billing, setBilling] = useState<Billing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const redirect = useBillingRedirect();

  useEffect(() => {
    const abort = new AbortController();
    api
      .billing(abort.signal)
      .then(setBilling)
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setError(problemOf(e).detail);
      });
    return () => abort.abort();
  }, [api]);

  if (error) {
    return <ErrorMessage message={error} testId="billing-error" />;
  }
  if (!billing) {
    return (
      <p className="muted" role="status">
        Loading billing…
      </p>
    );
  }

  const { subscription, usage } = billing;
  const pending = billing.enabled && billing.status === 'PENDING_PAYMENT';

  return (
    <div className="stacked">
      {!billing.enabled ? (
        <div className="alert alert--info" role="status" data-testid="billing-disabled">
          {BILLING_DISABLED}
        </div>
      ) : null}
      {billing.notices.length > 0 ? (
        <div className="alert alert--info" data-testid="billing-notices">
          <ul className="plain-list">
            {billing.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="facts">
        <div className="fact">
          <dt>Plan</dt>
          <dd data-testid="billing-plan">{billing.plan ?? 'None'}</dd>
        </div>
        <div className="fact">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={billing.status} testId="billing-status" />
          </dd>
        </div>
        <div className="fact">
          <dt>Seats</dt>
          <dd data-testid="billing-seats">
            {billing.seats.leased} leased, {billing.seats.inUse} in use
          </dd>
        </div>
        <div className="fact">
          <dt>Current period</dt>
          <dd data-testid="billing-period">
            {subscription ? period(subscription.currentPeriodStart, subscription.currentPeriodEnd) : '—'}
          </dd>
        </div>
        {subscription ? (
          <div className="fact">
            <dt>Renewal</dt>
            <dd data-testid="billing-renewal">
              {subscription.cancelAtPeriodEnd
                ? `Ends on ${day(subscription.currentPeriodEnd)}`
                : `Renews on ${day(subscription.currentPeriodEnd)}`}
            </dd>
          </div>
        ) : null}
        {subscription?.trialEndsAt ? (
          <div className="fact">
            <dt>Trial ends</dt>
            <dd data-testid="billing-trial-end">{day(subscription.trialEndsAt)}</dd>
          </div>
        ) : null}
        {billing.graceEndsAt ? (
          <div className="fact">
            <dt>Suspended after</dt>
            <dd data-testid="billing-grace-end">{moment(billing.graceEndsAt)}</dd>
          </div>
        ) : null}
        {billing.retainedUntil ? (
          <div className="fact">
            <dt>Data kept until</dt>
            <dd data-testid="billing-retained-until">{day(billing.retainedUntil)}</dd>
          </div>
        ) : null}
      </dl>
      {billing.enabled ? (
        <div className="stack">
          <ErrorMessage message={redirect.error} testId="billing-action-error" />
          <div className="button-row">
            {pending ? (
              <button
                type="button"
                className="button button--primary"
                data-testid="billing-checkout"
                onClick={() => redirect.go('checkout')}
                disabled={redirect.busy !== null}
              >
                {redirect.busy === 'checkout' ? 'Opening the payment page…' : 'Complete payment'}
              </button>
            ) : null}
            <button
              type="button"
              className={pending ? 'button' : 'button button--primary'}
              data-testid="billing-portal"
              onClick={() => redirect.go('portal')}
              disabled={redirect.busy !== null}
            >
              {redirect.busy === 'portal' ? 'Opening the billing portal…' : 'Manage payment and invoices'}
            </button>
          </div>
          <p className="muted small">
            Payment methods, billing details and past invoices are managed on Stripe’s secure pages. To change how
            many seats you lease, go to <Link to="/admin/seats">Seats</Link>.
          </p>
        </div>
      ) : null}
      <div className="card">
        <h2>Usage this period</h2>
        <p className="muted" data-testid="billing-usage-period">
          {usage.periodStart && usage.periodEnd ? period(usage.periodStart, usage.periodEnd) : 'The current period.'}
        </p>
        <dl className="facts">
          <div className="fact">
            <dt>Calls</dt>
            <dd data-testid="billing-usage-calls">{usage.calls}</dd>
          </div>
          <div className="fact">
            <dt>Minutes</dt>
            <dd data-testid="billing-usage-minutes">{usage.minutes}</dd>
          </div>
          <div className="fact">
            <dt>Minutes not yet reported</dt>
            <dd data-testid="billing-usage-unreported">{usage.unreportedMinutes}</dd>
          </div>
        </dl>
      </div>
      {billing.enabled ? <Invoices invoices={billing.invoices} /> : null}
    </div>
  );
}

function Invoices({ invoices }: { invoices: Invoice[] }) {
  return (
    <div className="card">
      <h2 id="invoices-title">Invoices</h2>
      <div className="table-wrap">
        <table className="table" data-testid="invoices-table" aria-labelledby="invoices-title">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Date</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Links</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((inv) => {
              const name = inv.number ?? inv.id;
              return (
                <tr key={inv.id} data-testid={`invoice-row-${inv.id}`}>
                  <td>
                    <strong>{name}</strong>
                  </td>
                  <td className="nowrap">{day(inv.createdAt)}</td>
                  <td className="nowrap metric" data-testid={`invoice-amount-${inv.id}`}>
                    {money(inv.amountDue, inv.currency)}
                    {inv.amountPaid > 0 && inv.amountPaid < inv.amountDue ? (
                      <span className="muted small"> ({money(inv.amountPaid, inv.currency)} paid)</span>
                    ) : null}
                  </td>
                  <td>
                    <span className={`badge badge--${INVOICE_TONE[inv.status] ?? 'neutral'}`}>{inv.status}</span>
                  </td>
                  <td className="table__actions">
                    <span className="button-row">
                      {inv.hostedInvoiceUrl ? (
                        <a
                          href={inv.hostedInvoiceUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          data-testid={`invoice-view-${inv.id}`}
                          aria-label={`View invoice ${name} (opens in a new tab)`}
                        >
                          View
                        </a>
                      ) : null}
                      {inv.pdfUrl ? (
                        <a
                          href={inv.pdfUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          data-testid={`invoice-pdf-${inv.id}`}
                          aria-label={`PDF of invoice ${name} (opens in a new tab)`}
                        >
                          PDF
                        </a>
                      ) : null}
                    </span>
                  </td>
                </tr>
              );
            })}
            {invoices.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  No invoices yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
