package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.tx.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Units of work over one EntityManagerFactory. A unit owns an EntityManager bound to its tenant (the
 * ORM then filters and stamps every multitenant row with it) and one resource-local transaction.
 * The unit is bound to the calling thread with a ScopedValue: requests run on their own virtual
 * threads, and a scoped binding cannot leak past the unit the way a forgotten ThreadLocal can.
 * Repositories reach the database only through {@link #tenant}, {@link #global} and {@link #detached}.
 */
final class JpaTransactions implements Transactions {
    /** The EntityManager property EclipseLink reads the tenant discriminator from. */
    static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;

    // Per instance, not static: two persistence units in one JVM (tests) must not see each other's units.
    private final ScopedValue<Unit> current = ScopedValue.newInstance();
    private final EntityManagerFactory emf;

    JpaTransactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    private record Unit(TenantId tenant, EntityManager em) {
    }

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        if (current.isBound()) {
            requireUnitTenant(tenant);
            return work.get();
        }
        return inNewTransaction(tenantEntityManager(tenant),
                em -> ScopedValue.where(current, new Unit(tenant, em)).call(work::get));
    }

    /** Locks the tenant's row (SELECT ... FOR UPDATE) until the unit of work commits or rolls back. */
    @Override
    public void lockTenant(TenantId tenant) {
        if (!current.isBound()) {
            throw new IllegalStateException("lockTenant needs a unit of work");
        }
        requireUnitTenant(tenant);
        current.get().em().find(TenantEntity.class, tenant.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Runs a tenant-scoped operation in the caller's unit of work (same tenant only), or in its own. */
    <T> T tenant(TenantId tenant, Function<EntityManager, T> operation) {
        Objects.requireNonNull(tenant, "tenant");
        if (current.isBound()) {
            requireUnitTenant(tenant);
            return operation.apply(current.get().em());
        }
        return inNewTransaction(tenantEntityManager(tenant), operation);
    }

    /**
     * Runs an operation on tables that are not tenant scoped (tenants, the sign-in email lookup):
     * inside a unit on its EntityManager, so it commits with the unit and sees its writes; outside on
     * an EntityManager with no tenant, which must not touch multitenant entities.
     */
    <T> T global(Function<EntityManager, T> operation) {
        if (current.isBound()) {
            return operation.apply(current.get().em());
        }
        return inNewTransaction(emf.createEntityManager(), operation);
    }

    /** Always in its own transaction, even inside a unit: for cluster-wide state that must not roll back with it. */
    <T> T detached(Function<EntityManager, T> operation) {
        return inNewTransaction(emf.createEntityManager(), operation);
    }

    /** Fails when the calling thread is inside a unit of work for another tenant. */
    void requireUnitTenant(TenantId tenant) {
        if (current.isBound() && !current.get().tenant().equals(tenant)) {
            throw new IllegalStateException(
                    "unit of work for tenant " + current.get().tenant() + " used for tenant " + tenant);
        }
    }

    private EntityManager tenantEntityManager(TenantId tenant) {
        return emf.createEntityManager(Map.of(TENANT_PROPERTY, tenant.value()));
    }

    private static <T> T inNewTransaction(EntityManager em, Function<EntityManager, T> operation) {
        try (em) {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            T result;
            try {
                result = operation.apply(em);
            } catch (RuntimeException | Error e) {
                rollbackAfter(tx, e);
                throw e;
            }
            if (tx.getRollbackOnly()) {
                // The work swallowed a failure that doomed the transaction; committing would only half-succeed.
                tx.rollback();
                throw new IllegalStateException("unit of work was marked rollback-only by an earlier failure");
            }
            try {
                tx.commit();
            } catch (RuntimeException e) {
                rollbackAfter(tx, e);
                throw Violations.translate(e);
            }
            return result;
        }
    }

    private static void rollbackAfter(EntityTransaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
