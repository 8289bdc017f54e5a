import { useEffect, useState } from 'react';
import { useApi } from '../api/context';
import type { Billing } from '../api/types';
import { ErrorMessage } from '../components/forms';
import { day, moment } from './billingFormat';
import { useBillingRedirect, type BillingDestination } from './useBillingRedirect';

type Dates = Pick<Billing, 'graceEndsAt' | 'retainedUntil'>;

interface Banner {
  /** The alert's colour. */
  tone: 'warn' | 'error';
  /** `alert` when the contact center is at risk or down, `status` otherwise. */
  role: 'alert' | 'status';
  message: string;
  /** What an admin can do about it, and the sentence for everybody else. */
  action?: { label: string; destination: BillingDestination; othersCan: string };
}

/** What the banner says for a tenant status; null for a status that limits nothing. */
export function bannerFor(status: string, dates: Dates | null): Banner | null {
  switch (status) {
    case 'PAST_DUE':
      return {
        tone: 'warn',
        role: 'alert',
        message: dates?.graceEndsAt
          ? `A payment failed. Update your payment method before ${moment(dates.graceEndsAt)} to avoid suspension.`
          : 'A payment failed. Update your payment method soon to avoid suspension.',
        action: {
          label: 'Update payment method',
          destination: 'portal',
          othersCan: 'An administrator of your company can update it.',
        },
      };
    case 'SUSPENDED':
      return {
        tone: 'error',
        role: 'alert',
        message:
          'Your account is suspended for non-payment: agents cannot sign in and inbound calls are not queued. ' +
          'Pay the open invoice to restore service.',
        action: {
          label: 'Pay the open invoice',
          destination: 'portal',
          othersCan: 'An administrator of your company can pay it.',
        },
      };
    case 'PENDING_PAYMENT':
      return {
        tone: 'warn',
        role: 'status',
        message: 'Complete payment to activate your seats.',
        action: {
          label: 'Complete payment',
          destination: 'checkout',
          othersCan: 'An administrator of your company can complete it.',
        },
      };
    case 'CANCELED':
      return {
        tone: 'error',
        role: 'status',
        message: dates?.retainedUntil
          ? `Your subscription has ended. Your data is kept until ${day(dates.retainedUntil)}, then deleted.`
          : 'Your subscription has ended.',
      };
    default:
      return null;
  }
}

/**
 * The tenant's payment trouble across the top of the page, with the way out for admins (Stripe's
 * portal or checkout). Admins' banners carry the dates of `GET /billing` (when a past-due account is
 * suspended, when a canceled one's data is deleted); the others' go without.
 */
export function StatusBanner({ status, admin }: { status: string; admin: boolean }) {
  const api = useApi();
  const [dates, setDates] = useState<Dates | null>(null);
  const { go, busy, error } = useBillingRedirect();
  const datesFor = admin && (status === 'PAST_DUE' || status === 'CANCELED') ? status : null;

  useEffect(() => {
    if (!datesFor) return undefined;
    const abort = new AbortController();
    api
      .billing(abort.signal)
      .then((b) => {
        if (!abort.signal.aborted) setDates({ graceEndsAt: b.graceEndsAt, retainedUntil: b.retainedUntil });
      })
      .catch(() => {
        // the banner does without the date
      });
    return () => abort.abort();
  }, [api, datesFor]);

  const banner = bannerFor(status, datesFor ? dates : null);
  if (!banner) {
    return null;
  }
  const { action } = banner;
  return (
    <>
      <div
        className={`alert alert--${banner.tone} status-banner`}
        role={banner.role}
        data-testid="status-banner"
        data-status={status}
      >
        <p>
          {banner.message}
          {action && !admin ? ` ${action.othersCan}` : null}
        </p>
        {action && admin ? (
          <button
            type="button"
            className="button button--small"
            data-testid="status-banner-action"
            onClick={() => go(action.destination)}
            disabled={busy !== null}
          >
            {busy ? 'Opening…' : action.label}
          </button>
        ) : null}
      </div>
      <ErrorMessage message={error} testId="status-banner-error" />
    </>
  );
}
