package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.billing.WebhookInbox.Receipt;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionHistory.HistoryFilter;
import io.callisto.core.page.PageRequest;
import io.callisto.core.user.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TenantPurge contract: every row of the purged tenant goes, every row of another tenant stays. */
public abstract class TenantPurgeContract {
    private static final Instant T0 = Fixtures.NOW;
    protected RepositoryFixture fx;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private final String prefix = TelephonyFixtures.numberPrefix();

    /** A tenant with a row in every table the platform keeps. */
    private TenantId populated(String suffix) {
        TenantId t = AcdFixtures.newTenant(fx);
        fx.transactions().runInTenant(t, () -> {
            fx.users().insert(t, Fixtures.user(t, "ada" + suffix + "@example.test", Role.ADMIN));
            fx.agents().insert(t, AcdFixtures.agent("agent-" + suffix, "sip" + suffix));
            fx.queues().insert(t, AcdFixtures.queue("queue-" + suffix, "Queue " + suffix));
            fx.awayReasons().replace(t, List.of(new io.callisto.core.agent.AwayReason("lunch", "Lunch")));
            fx.agentStateLog().appendAll(t, List.of(AcdFixtures.change(1, 0, "agent-" + suffix, T0)));
            fx.interactionHistory().recordAll(t, List.of(AcdFixtures.abandoned("i-" + suffix, "queue-" + suffix, T0)));
            fx.contacts().insert(t, AcdFixtures.contact("contact-" + suffix, "Zoë", "Acme", List.of("+15551230000"),
                    List.of("z" + suffix + "@example.test")));
            fx.billingAccounts().insert(BillingAccount.opened(t, "cus_" + suffix, T0));
            fx.webhookInbox().add(t, new Receipt("evt_" + suffix, "invoice.paid", T0, T0, "ok"));
            fx.usageLedger().recordAll(t, List.of(new CallUsage("call-" + suffix, T0, 60)));
            fx.invoiceLedger().upsert(t, new InvoiceRecord("in_" + suffix, null, "paid", 1, 1, "usd", T0, null, null));
            fx.trunks().insert(t, TelephonyFixtures.trunk(t, "trunk-" + suffix, "Trunk " + suffix));
            fx.numbers().insert(t, TelephonyFixtures.number("number-" + suffix, prefix + suffix, "trunk-" + suffix,
                    "queue-" + suffix));
            fx.callRecords().insert(t, TelephonyFixtures.answered("call-" + suffix, "agent-" + suffix, "queue-" + suffix, T0));
        });
        return t;
    }

    @Test
    void purgingATenantDeletesItsRowsAndNoOthers() {
        TenantId gone = populated("1");
        TenantId kept = populated("2");
        fx.tenantPurge().purge(gone);
        assertThat(fx.transactions().inTenant(gone, () -> fx.tenants().find(gone))).isEmpty();
        assertThat(fx.transactions().inTenant(gone, () -> fx.users().list(gone, PageRequest.first(10)).items())).isEmpty();
        assertThat(fx.transactions().inTenant(gone, () -> fx.billingAccounts().find(gone))).isEmpty();
        assertThat(fx.billingAccounts().tenantOfCustomer("cus_1")).isEmpty();
        assertThat(fx.transactions().inTenant(gone, () -> fx.interactionHistory()
                .list(gone, HistoryFilter.ALL, PageRequest.first(10)).items())).isEmpty();
        assertThat(fx.usageLedger().due(T0.plusSeconds(1), 10)).extracting(p -> p.tenant()).containsOnly(kept);
        assertThat(fx.webhookInbox().contains("evt_1")).isFalse();
        assertThat(fx.numbers().route(prefix + "1")).isEmpty();
        assertThat(fx.transactions().inTenant(gone, () -> fx.trunks().all(gone))).isEmpty();
        assertThat(fx.transactions().inTenant(gone, () -> fx.callRecords().find(gone, "call-1"))).isEmpty();

        assertThat(fx.transactions().inTenant(kept, () -> fx.tenants().find(kept))).isPresent();
        assertThat(fx.transactions().inTenant(kept, () -> fx.users().list(kept, PageRequest.first(10)).items())).hasSize(1);
        assertThat(fx.transactions().inTenant(kept, () -> fx.agents().find(kept, "agent-2"))).isPresent();
        assertThat(fx.transactions().inTenant(kept, () -> fx.contacts().find(kept, "contact-2"))).isPresent();
        assertThat(fx.transactions().inTenant(kept, () -> fx.invoiceLedger().recent(kept, 5))).hasSize(1);
        assertThat(fx.webhookInbox().contains("evt_2")).isTrue();
        assertThat(fx.numbers().route(prefix + "2").orElseThrow().tenant()).isEqualTo(kept);
        assertThat(fx.transactions().inTenant(kept, () -> fx.trunks().all(kept))).hasSize(1);
        assertThat(fx.transactions().inTenant(kept, () -> fx.callRecords().find(kept, "call-2"))).isPresent();
    }

    @Test
    void purgingATenantThatIsGoneIsANoOp() {
        TenantId gone = populated("3");
        fx.tenantPurge().purge(gone);
        fx.tenantPurge().purge(gone);
        assertThat(fx.transactions().inTenant(gone, () -> fx.tenants().find(gone))).isEmpty();
    }
}
