import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isAbort } from '../api/client';
import { useApi, useSession } from '../api/context';
import type { Tenant } from '../api/types';
import { AuthLayout } from '../components/AuthLayout';

/** How often, and how many times, the page asks whether the payment went through (about a minute). */
export const POLL_INTERVAL_MS = 2000;
export const POLL_ATTEMPTS = 30;

type Phase = 'waiting' | 'done' | 'timeout';

const ACTIVE = new Set(['ACTIVE', 'TRIALING']);

/**
 * Where Stripe Checkout sends the browser after a payment (`?session_id=…`, which the page does not
 * need: the server learns of the payment from Stripe). Signed in, it asks `GET /tenant` every 2 s until
 * the tenant is no longer PENDING_PAYMENT; signed out, it offers to sign in.
 */
export function SignupSuccessPage() {
  const api = useApi();
  const signedIn = useSession() !== null;
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [phase, setPhase] = useState<Phase>('waiting');
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!signedIn) return undefined;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const poll = async () => {
      attempts += 1;
      try {
        const t = await api.tenant(abort.signal);
        if (abort.signal.aborted) return;
        setTenant(t);
        if (t.status !== 'PENDING_PAYMENT') {
          setPhase('done');
          return;
        }
      } catch (e) {
        if (isAbort(e) || abort.signal.aborted) return;
        // one failed look is one attempt; the next may get through
      }
      if (attempts >= POLL_ATTEMPTS) {
        setPhase('timeout');
        return;
      }
      timer = setTimeout(poll, POLL_INTERVAL_MS);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api, signedIn, round]);

  function checkAgain() {
    setPhase('waiting');
    setRound((r) => r + 1);
  }

  const active = phase === 'done' && tenant !== null && ACTIVE.has(tenant.status);

  return (
    <AuthLayout title="Thank you for signing up" subtitle="Your company’s contact center has been created.">
      <p>Payment confirmation can take a few seconds: Stripe tells us once your payment has gone through.</p>
      {signedIn ? (
        <>
          <div
            className={`alert ${active ? 'alert--success' : phase === 'timeout' ? 'alert--warn' : 'alert--info'}`}
            role="status"
            data-testid="signup-payment-status"
            data-phase={phase}
          >
            {phase === 'waiting'
              ? 'Waiting for the payment confirmation…'
              : phase === 'timeout'
                ? 'Your payment is not confirmed yet. It can take a little longer; check again in a moment.'
                : active
                  ? 'Your seats are active.'
                  : `Your company’s status is ${tenant?.status ?? 'unknown'}; the admin console tells you more.`}
          </div>
          <p className="actions">
            {phase === 'timeout' ? (
              <button type="button" className="button" data-testid="signup-check-again" onClick={checkAgain}>
                Check again
              </button>
            ) : null}
            {phase !== 'waiting' ? (
              <Link
                to="/admin"
                className={active ? 'button button--primary' : undefined}
                data-testid="signup-success-admin"
              >
                Go to the admin console
              </Link>
            ) : null}
          </p>
        </>
      ) : (
        <>
          <p>Sign in to start using your contact center.</p>
          <p className="actions">
            <Link to="/login" className="button button--primary" data-testid="signup-success-login">
              Sign in
            </Link>
          </p>
        </>
      )}
    </AuthLayout>
  );
}

/** Where Stripe Checkout sends the browser when the payment is abandoned. */
export function SignupCanceledPage() {
  const signedIn = useSession() !== null;
  return (
    <AuthLayout title="Payment not completed" subtitle="Your seats are not active yet.">
      <p>
        The payment was not completed, but your account exists. Sign in at any time to finish the payment: the admin
        console offers <strong>Complete payment</strong> until it is made.
      </p>
      <p className="actions">
        {signedIn ? (
          <Link to="/admin/billing" className="button button--primary" data-testid="signup-canceled-billing">
            Finish the payment
          </Link>
        ) : (
          <Link to="/login" className="button button--primary" data-testid="signup-canceled-login">
            Sign in
          </Link>
        )}
      </p>
    </AuthLayout>
  );
}
