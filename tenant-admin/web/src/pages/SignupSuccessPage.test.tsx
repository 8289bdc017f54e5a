import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TENANT, adminPlatform } from '../test/adminPlatform';
import { json, problem, renderApp, sessionWith } from '../test/fakeApi';

/** A tenant that is PENDING_PAYMENT for the first `pending` looks, then `after`. */
function paymentConfirmedAfter(pending: number, after = 'ACTIVE') {
  let looks = 0;
  return adminPlatform({
    'GET /api/v1/tenant': () => {
      looks += 1;
      return json(200, { ...TENANT, status: looks <= pending ? 'PENDING_PAYMENT' : after });
    },
  });
}

const tenantCalls = (calls: { path: string }[]) => calls.filter((c) => c.path === '/api/v1/tenant').length;

describe('sign-up success page', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the payment every 2 s until the seats are active', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = renderApp(paymentConfirmedAfter(2), {
      path: '/signup/success?session_id=cs_test_123',
      session: sessionWith(),
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Thank you for signing up');
    expect(screen.getByText(/Payment confirmation can take a few seconds/)).toBeInTheDocument();
    const status = screen.getByTestId('signup-payment-status');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent('Waiting for the payment confirmation…');
    await waitFor(() => expect(tenantCalls(calls)).toBe(1));
    expect(screen.queryByTestId('signup-success-admin')).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(tenantCalls(calls)).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1_100));
    expect(tenantCalls(calls)).toBe(2);
    expect(status).toHaveTextContent('Waiting for the payment confirmation…');

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() => expect(tenantCalls(calls)).toBe(3));
    await waitFor(() => expect(status).toHaveTextContent('Your seats are active.'));
    expect(screen.getByRole('link', { name: 'Go to the admin console' })).toHaveAttribute('href', '/admin');

    // done: no more polling
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(tenantCalls(calls)).toBe(3);
    expect(calls.every((c) => c.authorization === 'Bearer access-1')).toBe(true);
  });

  it('stops after about a minute and lets the user check again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = renderApp(paymentConfirmedAfter(30), { path: '/signup/success', session: sessionWith() });
    await waitFor(() => expect(tenantCalls(calls)).toBe(1));
    await act(() => vi.advanceTimersByTimeAsync(58_000));
    expect(tenantCalls(calls)).toBe(30);
    await waitFor(() =>
      expect(screen.getByTestId('signup-payment-status')).toHaveTextContent('Your payment is not confirmed yet.'),
    );
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(tenantCalls(calls)).toBe(30);

    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByTestId('signup-payment-status')).toHaveTextContent('Your seats are active.'));
    expect(tenantCalls(calls)).toBe(31);
  });

  it('keeps asking through a failed look', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let looks = 0;
    const { calls } = renderApp(
      adminPlatform({
        'GET /api/v1/tenant': () => {
          looks += 1;
          return looks === 1 ? problem(503, { detail: 'starting' }) : json(200, { ...TENANT, status: 'TRIALING' });
        },
      }),
      { path: '/signup/success', session: sessionWith() },
    );
    await waitFor(() => expect(tenantCalls(calls)).toBe(1));
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() => expect(screen.getByTestId('signup-payment-status')).toHaveTextContent('Your seats are active.'));
    expect(tenantCalls(calls)).toBe(2);
  });

  it('offers to sign in when there is no session, and asks nothing', () => {
    const { calls } = renderApp(adminPlatform({}), { path: '/signup/success?session_id=cs_test_123' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Thank you for signing up');
    expect(screen.getByText(/Payment confirmation can take a few seconds/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(screen.queryByTestId('signup-payment-status')).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});

describe('sign-up canceled page', () => {
  it('says the payment was not completed and the account exists', () => {
    const { calls } = renderApp(adminPlatform({}), { path: '/signup/canceled' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Payment not completed');
    expect(screen.getByText(/The payment was not completed, but your account exists/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(calls).toEqual([]);
  });

  it('sends a signed-in admin to billing to finish the payment', () => {
    renderApp(adminPlatform({}), { path: '/signup/canceled', session: sessionWith() });
    expect(screen.getByRole('link', { name: 'Finish the payment' })).toHaveAttribute('href', '/admin/billing');
  });
});
