package io.callisto.persistence;

import io.callisto.core.billing.TenantPurge;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;

/**
 * TenantPurge on JPA: in one unit of work for the tenant (joined, like any unit, when the caller is already in
 * one for the same tenant), locks the tenant's row, then deletes the tenant's rows table by table with bulk
 * native statements, children before their parents, and the tenant itself last. Locking the row first makes a
 * concurrent write for the tenant wait and then fail on its foreign key, instead of leaving a row behind that
 * would fail the final delete. A tenant already gone is a no-op (its foreign keys allow no rows without it).
 * {@link #TABLES} must name every table with a {@code tenant_id} column; a test compares it with the schema.
 */
final class JpaTenantPurge implements TenantPurge {
    /** Every tenant-owned table of the migrations, in an order that deletes children before their parents. */
    static final List<String> TABLES = List.of(
            // V5; V4: numbers name trunks and queues
            "call_records", "numbers", "trunks",
            // V2: phones and emails belong to contacts
            "contact_phones", "contact_emails", "contacts",
            "interaction_records", "agent_state_changes", "tenant_settings", "queues", "agents",
            // V1
            "refresh_tokens", "api_keys", "users",
            // V3
            "billing_usage", "billing_invoices", "billing_webhook_events", "billing_accounts");

    private final JpaTransactions tx;

    JpaTenantPurge(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void purge(TenantId tenant) {
        tx.inTenant(tenant, () -> tx.tenant(tenant, em -> {
            if (em.find(TenantEntity.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE) == null) {
                return null;
            }
            // Bulk statements bypass the persistence context: write what it holds first, forget it afterwards.
            em.flush();
            for (String table : TABLES) {
                delete(em, "delete from " + table + " where tenant_id = ?1", tenant);
            }
            delete(em, "delete from tenants where id = ?1", tenant);
            em.clear();
            return null;
        }));
    }

    /** Native on purpose: the tables are named by the list above, and the tenant explicitly. */
    private static void delete(EntityManager em, String sql, TenantId tenant) {
        em.createNativeQuery(sql)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .setParameter(1, tenant.value())
                .executeUpdate();
    }
}
