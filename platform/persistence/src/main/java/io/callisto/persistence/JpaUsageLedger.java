package io.callisto.persistence;

import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.persistence.config.QueryHints;

/**
 * UsageLedger on JPA. Per-tenant work goes through the unit's tenant-bound EntityManager. Recording is
 * idempotent like {@link JpaInteractionHistory}: one query per {@value #CHUNK} calls finds which are stored, only
 * the others are inserted, so a retried write adds nothing and never fails the unit. The reporter's due work is
 * a query across tenants: native SQL opted in with the hint (like {@code JpaUserRepository.tenantsWithEmail}),
 * outside a unit. Summaries are computed by the database, minutes per call rounded up as in
 * {@link CallUsage#minutes()} (integer division on both databases).
 */
final class JpaUsageLedger implements UsageLedger {
    static final int CHUNK = 500;
    private static final String MINUTES = "((u.billableSeconds + 59) / 60)";
    private static final String SUMMARY = "select count(u), sum(" + MINUTES + "),"
            + " sum(case when u.reportedAt is null then " + MINUTES + " else 0 end)"
            + " from UsageEntity u where u.endedAt >= :from and u.endedAt < :to";
    private static final String DUE = "select tenant_id, call_id, ended_at, billable_seconds, attempts from billing_usage"
            + " where reported_at is null and abandoned = false and next_attempt_at <= ?1 order by ended_at, call_id";

    private final JpaTransactions tx;

    JpaUsageLedger(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void recordAll(TenantId tenant, List<CallUsage> usage) {
        tx.tenant(tenant, em -> {
            Map<String, CallUsage> missing = new LinkedHashMap<>();
            usage.forEach(u -> missing.putIfAbsent(u.callId(), u));
            List<String> ids = List.copyOf(missing.keySet());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                em.createQuery("select u.callId from UsageEntity u where u.callId in :ids", String.class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                        .getResultList()
                        .forEach(missing::remove);
            }
            missing.values().forEach(u -> em.persist(new UsageEntity(u)));
            flush(em);
            return null;
        });
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return tx.global(em -> {
            List<?> rows = em.createNativeQuery(DUE)
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .setParameter(1, now.atOffset(ZoneOffset.UTC))
                    .setMaxResults(limit)
                    .getResultList();
            return rows.stream().map(r -> (Object[]) r).map(row -> new Pending(new TenantId((String) row[0]),
                    new CallUsage((String) row[1], instant(row[2]), ((Number) row[3]).longValue()),
                    ((Number) row[4]).intValue())).toList();
        });
    }

    /** A {@code timestamp with time zone} as the drivers return it untyped: H2 an OffsetDateTime, PostgreSQL a Timestamp. */
    static Instant instant(Object column) {
        return switch (column) {
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("unexpected timestamp type " + column.getClass().getName());
        };
    }

    @Override
    public void markReported(TenantId tenant, String callId, Instant at) {
        change(tenant, callId, u -> u.reported(at));
    }

    @Override
    public void markRetry(TenantId tenant, String callId, int attempts, Instant nextAttemptAt, String error) {
        change(tenant, callId, u -> u.retry(attempts, nextAttemptAt, error));
    }

    @Override
    public void markAbandoned(TenantId tenant, String callId, String error) {
        change(tenant, callId, u -> u.abandon(error));
    }

    /** Changes the stored usage of a call; a call not in the ledger is left alone. */
    private void change(TenantId tenant, String callId, Consumer<UsageEntity> change) {
        tx.tenant(tenant, em -> {
            UsageEntity entity = em.find(UsageEntity.class, callId);
            if (entity != null) {
                change.accept(entity);
                flush(em);
            }
            return null;
        });
    }

    @Override
    public Summary summary(TenantId tenant, Instant from, Instant to) {
        return tx.tenant(tenant, em -> {
            Object[] row = em.createQuery(SUMMARY, Object[].class)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getSingleResult();
            return new Summary(count(row[0]), count(row[1]), count(row[2]));
        });
    }

    /** A count or sum; null for the sum over no rows. */
    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }
}
