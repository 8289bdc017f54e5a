package io.callisto.persistence;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.BillingAccountRepository;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * BillingAccountRepository on JPA. The account row is keyed by its tenant and mapped without the ORM's tenant
 * filter (why: {@link BillingAccountEntity}), so every per-tenant operation first checks that a unit of work on
 * the thread is the account's tenant's, exactly as {@link JpaTenantRepository} does, and runs on
 * {@code JpaTransactions.global}: in the unit when there is one, else in a short transaction of its own. The
 * lookups across tenants (a webhook's customer, the jobs) are plain JPQL, outside a unit or in one (then they
 * see its writes). A second account for a tenant or a customer is looked for first, and the table's two keys
 * settle races; either way it is the conflict {@code duplicate-billing-account}.
 */
final class JpaBillingAccounts implements BillingAccountRepository {
    private final JpaTransactions tx;

    JpaBillingAccounts(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(BillingAccount account) {
        tx.requireUnitTenant(account.tenantId());
        tx.global(em -> {
            boolean taken = em.find(BillingAccountEntity.class, account.tenantId().value()) != null
                    || !em.createQuery("select a.tenantId from BillingAccountEntity a where a.customerId = :customer",
                                    String.class)
                            .setParameter("customer", account.customerId())
                            .setMaxResults(1)
                            .getResultList().isEmpty();
            if (taken) {
                throw Violations.dooming(em, Violations.duplicateBillingAccount());
            }
            em.persist(new BillingAccountEntity(account));
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<BillingAccount> find(TenantId tenant) {
        tx.requireUnitTenant(tenant);
        return tx.global(em -> Optional.ofNullable(em.find(BillingAccountEntity.class, tenant.value()))
                .map(BillingAccountEntity::toAccount));
    }

    @Override
    public boolean update(BillingAccount account) {
        tx.requireUnitTenant(account.tenantId());
        return tx.global(em -> {
            BillingAccountEntity entity = em.find(BillingAccountEntity.class, account.tenantId().value());
            if (entity == null) {
                return false;
            }
            entity.copyFrom(account);
            flush(em);
            return true;
        });
    }

    @Override
    public Optional<TenantId> tenantOfCustomer(String customerId) {
        return tx.global(em -> em.createQuery("select a.tenantId from BillingAccountEntity a where a.customerId = :customer",
                        String.class)
                .setParameter("customer", customerId)
                .setMaxResults(1)
                .getResultStream().findFirst().map(TenantId::new));
    }

    @Override
    public List<TenantId> graceEnded(Instant now, int limit) {
        return tenants("select a.tenantId from BillingAccountEntity a where a.graceEndsAt <= :now"
                + " order by a.graceEndsAt, a.tenantId", now, limit);
    }

    @Override
    public List<TenantId> retentionEnded(Instant now, int limit) {
        return tenants("select a.tenantId from BillingAccountEntity a where a.retainedUntil <= :now"
                + " order by a.retainedUntil, a.tenantId", now, limit);
    }

    private List<TenantId> tenants(String jpql, Instant now, int limit) {
        return tx.global(em -> em.createQuery(jpql, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList().stream().map(TenantId::new).toList());
    }

    @Override
    public List<TenantId> withSubscription(TenantId after, int limit) {
        return tx.global(em -> {
            var query = after == null
                    ? em.createQuery("select a.tenantId from BillingAccountEntity a where a.subscriptionId is not null"
                            + " order by a.tenantId", String.class)
                    : em.createQuery("select a.tenantId from BillingAccountEntity a where a.subscriptionId is not null"
                            + " and a.tenantId > :after order by a.tenantId", String.class)
                            .setParameter("after", after.value());
            return query.setMaxResults(limit).getResultList().stream().map(TenantId::new).toList();
        });
    }

    /** Writes now, so a violated key surfaces here; H2 reports the primary key by an index name of its own. */
    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e, Violations::duplicateBillingAccount);
        }
    }
}
