import { useTitle } from '../components/useTitle';
import { useShell } from './shellContext';
import { StatusBadge } from './StatusBadge';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The tenant at a glance. */
export function OverviewPage() {
  useTitle('Overview');
  const { tenant, me } = useShell();
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <p className="lead">
        Welcome, {me.name}. This is <strong>{tenant.companyName}</strong>'s contact center.
      </p>
      <dl className="facts">
        <div className="fact">
          <dt>Tenant ID</dt>
          <dd>
            <code data-testid="overview-tenant-id">{tenant.id}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={tenant.status} testId="overview-status" />
          </dd>
        </div>
        <div className="fact">
          <dt>Seats leased</dt>
          <dd data-testid="overview-seats">{tenant.seatsLeased}</dd>
        </div>
        <div className="fact">
          <dt>Plan</dt>
          <dd data-testid="overview-plan">{tenant.plan ?? 'None'}</dd>
        </div>
        <div className="fact">
          <dt>Created</dt>
          <dd>{formatDate(tenant.createdAt)}</dd>
        </div>
        <div className="fact">
          <dt>Your roles</dt>
          <dd>{me.roles.join(', ') || '—'}</dd>
        </div>
      </dl>
    </section>
  );
}
