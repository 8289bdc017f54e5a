const TONE: Record<string, string> = {
  ACTIVE: 'good',
  TRIALING: 'good',
  PENDING_PAYMENT: 'warn',
  PAST_DUE: 'warn',
  SUSPENDED: 'bad',
  CANCELED: 'bad',
};

const MEANING: Record<string, string> = {
  ACTIVE: 'Active',
  TRIALING: 'In a trial',
  PENDING_PAYMENT: 'Waiting for the first payment',
  PAST_DUE: 'A payment is past due',
  SUSPENDED: 'Suspended',
  CANCELED: 'Canceled',
};

/** A tenant's status, as the API spells it, coloured by what it means for the contact center. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span
      className={`badge badge--${TONE[status] ?? 'neutral'}`}
      data-testid={testId}
      data-status={status}
      title={MEANING[status] ?? status}
    >
      {status}
    </span>
  );
}
