package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.billing.WebhookInbox.Receipt;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the billing ports: accounts (per tenant, found by customer, the jobs' queries), the webhook
 * inbox (once per event id), invoices (upserted, newest first), all isolated between tenants.
 */
public abstract class BillingRepositoriesContract {
    static final Instant T0 = Fixtures.NOW;
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = AcdFixtures.newTenant(fx);
        b = AcdFixtures.newTenant(fx);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void insert(BillingAccount account) {
        fx.transactions().runInTenant(account.tenantId(), () -> fx.billingAccounts().insert(account));
    }

    private BillingAccount find(TenantId tenant) {
        return fx.transactions().inTenant(tenant, () -> fx.billingAccounts().find(tenant)).orElseThrow();
    }

    private void update(BillingAccount account) {
        assertThat(fx.transactions().inTenant(account.tenantId(), () -> fx.billingAccounts().update(account))).isTrue();
    }

    static SubscriptionState subscription(String id, String customer, String status, int quantity) {
        return new SubscriptionState(id, customer, status, "si_" + id, "price_seat", quantity, T0,
                T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(14)), true, "ref");
    }

    @Test
    void anAccountRoundTripsEveryField() {
        BillingAccount opened = BillingAccount.opened(a, "cus_a", T0);
        insert(opened);
        assertThat(find(a)).isEqualTo(opened);
        BillingAccount full = opened.withSubscription(subscription("sub_1", "cus_a", "past_due", 7), T0.plusSeconds(1))
                .withDunning(T0.plus(Duration.ofDays(7)), T0.plus(Duration.ofDays(90)), T0.plusSeconds(2))
                .withCheckoutStarted(T0.plusSeconds(3)).withSeatChange(9, T0.plusSeconds(4))
                .withDuplicate("sub_2", T0.plusSeconds(5));
        update(full);
        assertThat(find(a)).isEqualTo(full);
        assertThat(full.seatQuantity()).isEqualTo(9);
        assertThat(full.seatChanges()).isEqualTo(1);
        assertThat(full.checkoutAttempts()).isEqualTo(1);
    }

    @Test
    void oneAccountPerTenantAndPerCustomer() {
        insert(BillingAccount.opened(a, "cus_a", T0));
        assertFails(() -> insert(BillingAccount.opened(a, "cus_other", T0)), ErrorKind.CONFLICT,
                "duplicate-billing-account");
        assertFails(() -> insert(BillingAccount.opened(b, "cus_a", T0)), ErrorKind.CONFLICT,
                "duplicate-billing-account");
        assertThat(fx.transactions().inTenant(b, () -> fx.billingAccounts().find(b))).isEmpty();
    }

    @Test
    void aCustomerLeadsToItsTenantOnly() {
        insert(BillingAccount.opened(a, "cus_a", T0));
        insert(BillingAccount.opened(b, "cus_b", T0));
        assertThat(fx.billingAccounts().tenantOfCustomer("cus_b")).contains(b);
        assertThat(fx.billingAccounts().tenantOfCustomer("cus_a")).contains(a);
        assertThat(fx.billingAccounts().tenantOfCustomer("cus_nobody")).isEmpty();
        assertThat(find(b).customerId()).isEqualTo("cus_b");
    }

    @Test
    void updatingAnAccountThatDoesNotExistSaysSo() {
        assertThat(fx.transactions().inTenant(a, () -> fx.billingAccounts().update(BillingAccount.opened(a, "cus_a",
                T0)))).isFalse();
    }

    @Test
    void theJobsFindAccountsByGraceRetentionAndSubscription() {
        insert(BillingAccount.opened(a, "cus_a", T0));
        insert(BillingAccount.opened(b, "cus_b", T0));
        update(find(a).withSubscription(subscription("sub_a", "cus_a", "past_due", 2), T0)
                .withDunning(T0.plusSeconds(60), null, T0));
        update(find(b).withDunning(null, T0.plusSeconds(120), T0));
        assertThat(fx.billingAccounts().graceEnded(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(fx.billingAccounts().graceEnded(T0.plusSeconds(60), 10)).containsExactly(a);
        assertThat(fx.billingAccounts().retentionEnded(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(fx.billingAccounts().retentionEnded(T0.plusSeconds(121), 10)).containsExactly(b);
        assertThat(fx.billingAccounts().withSubscription(null, 10)).containsExactly(a);
        assertThat(fx.billingAccounts().withSubscription(a, 10)).isEmpty();
    }

    @Test
    void subscriptionsArePagedInTenantOrder() {
        List<TenantId> tenants = List.of(a, b, AcdFixtures.newTenant(fx));
        for (int i = 0; i < tenants.size(); i++) {
            TenantId t = tenants.get(i);
            insert(BillingAccount.opened(t, "cus_" + i, T0));
            update(find(t).withSubscription(subscription("sub_" + i, "cus_" + i, "active", 1), T0));
        }
        List<TenantId> sorted = tenants.stream().sorted(java.util.Comparator.comparing(TenantId::value)).toList();
        List<TenantId> first = fx.billingAccounts().withSubscription(null, 2);
        assertThat(first).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(fx.billingAccounts().withSubscription(first.get(1), 2)).containsExactly(sorted.get(2));
    }

    @Test
    void anEventIsRecordedOnceAndSeenByEveryone() {
        Receipt receipt = new Receipt("evt_1", "invoice.paid", T0, T0.plusSeconds(1), "restored");
        assertThat(fx.webhookInbox().contains("evt_1")).isFalse();
        fx.transactions().runInTenant(a, () -> fx.webhookInbox().add(a, receipt));
        assertThat(fx.webhookInbox().contains("evt_1")).isTrue();
        assertFails(() -> fx.transactions().runInTenant(b, () -> fx.webhookInbox().add(b, receipt)), ErrorKind.CONFLICT,
                "duplicate-event");
        assertFails(() -> fx.transactions().runInTenant(a, () -> fx.webhookInbox().add(a, receipt)), ErrorKind.CONFLICT,
                "duplicate-event");
    }

    @Test
    void aReceiptRollsBackWithItsUnitOfWork() {
        try {
            fx.transactions().runInTenant(a, () -> {
                fx.webhookInbox().add(a, new Receipt("evt_2", "invoice.paid", T0, T0, "restored"));
                throw new IllegalStateException("the effect failed");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the effect failed");
        }
        assertThat(fx.webhookInbox().contains("evt_2")).isFalse();
    }

    static InvoiceRecord invoice(String id, String status, Instant created) {
        return new InvoiceRecord(id, "NR-" + id, status, 2500, "paid".equals(status) ? 2500 : 0, "usd", created,
                "https://invoice.test/" + id, "https://invoice.test/" + id + ".pdf");
    }

    @Test
    void invoicesAreReplacedByIdAndListedNewestFirst() {
        fx.transactions().runInTenant(a, () -> {
            fx.invoiceLedger().upsert(a, invoice("in_1", "open", T0));
            fx.invoiceLedger().upsert(a, invoice("in_2", "paid", T0.plusSeconds(10)));
            fx.invoiceLedger().upsert(a, invoice("in_1", "paid", T0));
        });
        fx.transactions().runInTenant(b, () -> fx.invoiceLedger().upsert(b, invoice("in_3", "open", T0)));
        List<InvoiceRecord> listed = fx.transactions().inTenant(a, () -> fx.invoiceLedger().recent(a, 10));
        assertThat(listed).containsExactly(invoice("in_2", "paid", T0.plusSeconds(10)), invoice("in_1", "paid", T0));
        assertThat(fx.transactions().inTenant(a, () -> fx.invoiceLedger().recent(a, 1))).hasSize(1);
        assertThat(fx.transactions().inTenant(b, () -> fx.invoiceLedger().recent(b, 10))).extracting(InvoiceRecord::id)
                .containsExactly("in_3");
    }

    @Test
    void invoiceFieldsMayBeAbsent() {
        InvoiceRecord bare = new InvoiceRecord("in_9", null, "draft", 0, 0, "eur", T0, null, null);
        fx.transactions().runInTenant(a, () -> fx.invoiceLedger().upsert(a, bare));
        assertThat(fx.transactions().inTenant(a, () -> fx.invoiceLedger().recent(a, 5))).containsExactly(bare);
    }
}
