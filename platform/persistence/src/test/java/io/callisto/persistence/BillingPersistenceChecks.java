package io.callisto.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.billing.WebhookInbox.Receipt;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.persistence.config.QueryHints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks below the ports for the billing tables: the purge knows every tenant-owned table of the schema and deletes
 * children first; the V3 constraints themselves map to the conflicts callers handle; the multitenant billing
 * entities are filtered to the EntityManager's tenant; the unfiltered account entity is guarded by the unit.
 */
abstract class BillingPersistenceChecks {
    private static final Instant T0 = Fixtures.NOW;
    private TenantId a;
    private TenantId b;

    protected abstract JpaPersistence persistence();

    @BeforeEach
    void createTwoTenants() {
        a = newTenant();
        b = newTenant();
    }

    private TenantId newTenant() {
        Tenant t = Fixtures.tenant();
        persistence().tenants().insert(t);
        return t.id();
    }

    private List<Object[]> rows(String sql) {
        return persistence().jpaTransactions().global(em -> {
            List<Object[]> rows = new ArrayList<>();
            for (Object row : em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true).getResultList()) {
                rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
            }
            return rows;
        });
    }

    private static String name(Object identifier) {
        return ((String) identifier).toLowerCase(Locale.ROOT);
    }

    /** Fails when a migration adds a table with a tenant_id column that TenantPurge does not delete from. */
    @Test
    void thePurgeKnowsEveryTableWithATenantColumn() {
        TreeSet<String> tables = new TreeSet<>();
        rows("select table_name from information_schema.columns where lower(column_name) = 'tenant_id'"
                + " and table_schema = current_schema").forEach(row -> tables.add(name(row[0])));

        assertThat(tables).contains("users", "billing_usage");
        assertThat(tables).as("tables with tenant_id vs JpaTenantPurge.TABLES")
                .containsExactlyInAnyOrderElementsOf(JpaTenantPurge.TABLES);
    }

    /** Every foreign key between the purged tables points from a table the purge empties before the one it references. */
    @Test
    void thePurgeDeletesChildrenBeforeTheirParents() {
        List<Object[]> keys = rows("select fk.table_name, pk.table_name from information_schema.referential_constraints rc"
                + " join information_schema.table_constraints fk on fk.constraint_schema = rc.constraint_schema"
                + " and fk.constraint_name = rc.constraint_name"
                + " join information_schema.table_constraints pk on pk.constraint_schema = rc.unique_constraint_schema"
                + " and pk.constraint_name = rc.unique_constraint_name"
                + " where rc.constraint_schema = current_schema");
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < JpaTenantPurge.TABLES.size(); i++) {
            position.put(JpaTenantPurge.TABLES.get(i), i);
        }
        position.put("tenants", Integer.MAX_VALUE);

        assertThat(keys).extracting(k -> name(k[1])).contains("tenants", "contacts");
        for (Object[] key : keys) {
            String child = name(key[0]);
            String parent = name(key[1]);
            assertThat(position).as("purged tables").containsKeys(child, parent);
            assertThat(position.get(child)).as(child + " before " + parent).isLessThan(position.get(parent));
        }
    }

    private CallistoException conflictOf(TenantId tenant, Consumer<EntityManager> writes,
                                         Supplier<CallistoException> otherwise) {
        JpaTransactions tx = persistence().jpaTransactions();
        Throwable thrown = catchThrowable(() -> tx.inTenant(tenant, () -> tx.tenant(tenant, em -> {
            writes.accept(em);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e, otherwise);
            }
            return null;
        })));
        assertThat(thrown).isInstanceOf(CallistoException.class);
        CallistoException conflict = (CallistoException) thrown;
        assertThat(conflict.kind()).isEqualTo(ErrorKind.CONFLICT);
        return conflict;
    }

    @Test
    void theCustomerConstraintIsReportedByName() {
        persistence().billingAccounts().insert(BillingAccount.opened(a, "cus_taken", T0));

        CallistoException conflict = conflictOf(b, em -> em.persist(new BillingAccountEntity(
                BillingAccount.opened(b, "cus_taken", T0))), Violations::duplicateId);

        assertThat(conflict.code()).isEqualTo("duplicate-billing-account");
        assertThat(persistence().billingAccounts().find(b)).isEmpty();
    }

    @Test
    void theAccountsAndEventsKeysAreConflicts() {
        persistence().billingAccounts().insert(BillingAccount.opened(a, "cus_a", T0));
        persistence().webhookInbox().add(a, new Receipt("evt_key", "invoice.paid", T0, T0, "ok"));

        CallistoException account = conflictOf(a, em -> em.persist(new BillingAccountEntity(
                BillingAccount.opened(a, "cus_other", T0))), Violations::duplicateBillingAccount);
        CallistoException event = conflictOf(b, em -> em.persist(new WebhookEventEntity(
                new Receipt("evt_key", "invoice.paid", T0, T0, "again"))), Violations::duplicateEvent);

        assertThat(account.code()).isEqualTo("duplicate-billing-account");
        assertThat(event.code()).isEqualTo("duplicate-event");
    }

    @Test
    void theBillingEntitiesAreFilteredToTheUnitsTenant() {
        for (TenantId t : List.of(a, b)) {
            persistence().webhookInbox().add(t, new Receipt("evt_" + t, "invoice.paid", T0, T0, t.value()));
            persistence().usageLedger().recordAll(t, List.of(new CallUsage("call-shared", T0, 60)));
            persistence().invoiceLedger().upsert(t, new InvoiceRecord("in_shared", t.value(), "paid", 1, 1, "usd", T0,
                    null, null));
        }
        JpaTransactions tx = persistence().jpaTransactions();
        List<List<Object>> seen = tx.inTenant(a, () -> tx.tenant(a, em -> List.of(
                em.createQuery("select x.outcome from WebhookEventEntity x", Object.class).getResultList(),
                em.createQuery("select x.callId from UsageEntity x", Object.class).getResultList(),
                em.createQuery("select x.number from InvoiceEntity x", Object.class).getResultList())));
        int touched = tx.inTenant(b, () -> tx.tenant(b, em -> em.createQuery(
                "update UsageEntity u set u.abandoned = true where u.callId = 'call-shared'").executeUpdate()));

        assertThat(seen).containsExactly(List.of(a.value()), List.of("call-shared"), List.of(a.value()));
        assertThat(touched).isEqualTo(1);
        assertThat(persistence().usageLedger().due(T0, 1000)).extracting(p -> p.tenant()).contains(a).doesNotContain(b);
    }

    @Test
    void anAccountIsOnlyReachableInItsTenantsUnit() {
        persistence().billingAccounts().insert(BillingAccount.opened(a, "cus_guarded", T0));

        assertThatThrownBy(() -> persistence().transactions().inTenant(b, () -> persistence().billingAccounts().find(a)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> persistence().transactions().inTenant(b, () -> persistence().billingAccounts()
                .update(BillingAccount.opened(a, "cus_guarded", T0.plusSeconds(1))))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> persistence().transactions().runInTenant(b, () -> persistence().billingAccounts()
                .insert(BillingAccount.opened(a, "cus_new", T0)))).isInstanceOf(IllegalStateException.class);
        assertThat(persistence().billingAccounts().find(a)).contains(BillingAccount.opened(a, "cus_guarded", T0));
    }

    @Test
    void aLongErrorIsCutToTheColumn() {
        persistence().usageLedger().recordAll(a, List.of(new CallUsage("c-long", T0, 60)));
        String error = "x".repeat(UsageEntity.MAX_ERROR - 1) + "\uD83D\uDE00" + "y".repeat(100);

        persistence().usageLedger().markRetry(a, "c-long", 1, T0.plusSeconds(60), error);

        String stored = (String) rows("select last_error from billing_usage where call_id = 'c-long' and tenant_id = '"
                + a.value() + "'").getFirst()[0];
        assertThat(stored).isEqualTo("x".repeat(UsageEntity.MAX_ERROR - 1));
        assertThat(persistence().usageLedger().due(T0.plusSeconds(60), 1000)).filteredOn(p -> p.tenant().equals(a))
                .extracting(p -> p.attempts()).containsExactly(1);
    }

    @Test
    void purgingLeavesNoConnectionBorrowedAndTheFactoryUsable() {
        persistence().billingAccounts().insert(BillingAccount.opened(a, "cus_purged", T0));
        persistence().tenantPurge().purge(a);

        assertThat(persistence().billingAccounts().tenantOfCustomer("cus_purged")).isEmpty();
        assertThat(persistence().tenants().find(b)).isPresent();
        assertThat(persistence().activeConnections()).isZero();
    }
}
