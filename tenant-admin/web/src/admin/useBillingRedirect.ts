import { useEffect, useState } from 'react';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import { browser } from '../components/browser';

/** Where an admin goes to pay: Stripe's Customer Portal, or Checkout for a first payment. */
export type BillingDestination = 'portal' | 'checkout';

export interface BillingRedirect {
  /** Asks the server for a Stripe session and sends the browser there. */
  go: (destination: BillingDestination) => Promise<void>;
  /** The destination being opened; the buttons stay disabled while the browser leaves. */
  busy: BillingDestination | null;
  /** Why the server would not open it (the problem's detail). */
  error: string | null;
}

/** Opens Stripe's pages for an admin: `POST /billing/portal` or `/billing/checkout`, then follows `url`. */
export function useBillingRedirect(): BillingRedirect {
  const api = useApi();
  const [busy, setBusy] = useState<BillingDestination | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Back from Stripe, a browser may show this page from its cache, buttons still disabled.
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setBusy(null);
    };
    window.addEventListener('pageshow', reset);
    return () => window.removeEventListener('pageshow', reset);
  }, []);

  async function go(destination: BillingDestination) {
    setBusy(destination);
    setError(null);
    try {
      const answer = destination === 'portal' ? await api.billingPortal() : await api.billingCheckout();
      const url = answer?.url;
      if (typeof url !== 'string' || url === '') {
        throw new Error('the server sent no address for the payment page');
      }
      browser.assign(url);
    } catch (e) {
      setError(problemOf(e).detail);
      setBusy(null);
    }
  }

  return { go, busy, error };
}
