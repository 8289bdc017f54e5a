package io.callisto.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntitlementsTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration GRACE = Duration.ofDays(7);
    static final Duration RETENTION = Duration.ofDays(90);
    final Entitlements entitlements = new Entitlements(GRACE, RETENTION);
    final TenantId id = new TenantId("t1");

    Tenant tenant(TenantStatus status, int seats) {
        return new Tenant(id, "Acme", status, seats, "standard", NOW, NOW);
    }

    BillingAccount account(Instant grace, Instant retained) {
        return BillingAccount.opened(id, "cus_1", NOW).withDunning(grace, retained, NOW);
    }

    static SubscriptionState sub(String status, int quantity) {
        return new SubscriptionState("sub_1", "cus_1", status, "si_1", "price_seat", quantity, NOW,
                NOW.plus(Duration.ofDays(30)), null, false, "t1");
    }

    Entitlements.Decision decide(TenantStatus current, BillingAccount account, String status, boolean failing) {
        return entitlements.decide(tenant(current, 3), account, sub(status, 5), failing, NOW);
    }

    @Test
    void trialingAndActiveGrantThePaidSeatsAndClearDunning() {
        assertThat(decide(TenantStatus.PENDING_PAYMENT, account(null, null), "trialing", false))
                .isEqualTo(new Entitlements.Decision(TenantStatus.TRIALING, 5, null, null));
        assertThat(decide(TenantStatus.SUSPENDED, account(NOW.minusSeconds(1), null), "active", false))
                .isEqualTo(new Entitlements.Decision(TenantStatus.ACTIVE, 5, null, null));
        assertThat(decide(TenantStatus.CANCELED, account(null, NOW.plusSeconds(5)), "active", false))
                .isEqualTo(new Entitlements.Decision(TenantStatus.ACTIVE, 5, null, null));
    }

    @Test
    void aFirstFailureStartsTheGracePeriodAndARepeatKeepsItsEnd() {
        Entitlements.Decision first = decide(TenantStatus.ACTIVE, account(null, null), "past_due", false);
        assertThat(first).isEqualTo(new Entitlements.Decision(TenantStatus.PAST_DUE, 5, NOW.plus(GRACE), null));
        Instant earlier = NOW.plus(Duration.ofDays(2));
        assertThat(decide(TenantStatus.PAST_DUE, account(earlier, null), "past_due", false).graceEndsAt())
                .isEqualTo(earlier);
    }

    @Test
    void aFailingPaymentCountsEvenBeforeTheSubscriptionSaysPastDue() {
        assertThat(decide(TenantStatus.ACTIVE, account(null, null), "active", true).status())
                .isEqualTo(TenantStatus.PAST_DUE);
    }

    @Test
    void graceOverOrRetriesExhaustedSuspendsAndSuspensionHoldsUntilPaid() {
        assertThat(decide(TenantStatus.PAST_DUE, account(NOW, null), "past_due", false).status())
                .isEqualTo(TenantStatus.SUSPENDED);
        assertThat(decide(TenantStatus.ACTIVE, account(null, null), "unpaid", false))
                .isEqualTo(new Entitlements.Decision(TenantStatus.SUSPENDED, 5, null, null));
        assertThat(decide(TenantStatus.SUSPENDED, account(null, null), "past_due", false))
                .isEqualTo(new Entitlements.Decision(TenantStatus.SUSPENDED, 5, null, null));
    }

    @Test
    void cancelingKeepsDataForTheRetentionPeriodOnceAndNeverPaidStaysPending() {
        Entitlements.Decision canceled = decide(TenantStatus.ACTIVE, account(null, null), "canceled", false);
        assertThat(canceled).isEqualTo(new Entitlements.Decision(TenantStatus.CANCELED, 3, null, NOW.plus(RETENTION)));
        Instant set = NOW.plus(Duration.ofDays(1));
        assertThat(decide(TenantStatus.CANCELED, account(null, set), "canceled", false).retainedUntil()).isEqualTo(set);
        assertThat(decide(TenantStatus.PENDING_PAYMENT, account(null, null), "incomplete_expired", false).status())
                .isEqualTo(TenantStatus.PENDING_PAYMENT);
    }

    @Test
    void anIncompleteFirstPaymentChangesNothing() {
        assertThat(decide(TenantStatus.PENDING_PAYMENT, account(null, null), "incomplete", false))
                .isEqualTo(new Entitlements.Decision(TenantStatus.PENDING_PAYMENT, 3, null, null));
    }
}
