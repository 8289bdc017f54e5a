package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.billing.UsageLedger.Pending;
import io.callisto.core.billing.UsageLedger.Summary;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UsageLedger contract: idempotent adds, due work oldest first, retries, reporting, per-period summaries. */
public abstract class UsageLedgerContract {
    private static final Instant T0 = Fixtures.NOW;
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

    private UsageLedger ledger() {
        return fx.usageLedger();
    }

    private void record(TenantId tenant, CallUsage... usage) {
        fx.transactions().runInTenant(tenant, () -> ledger().recordAll(tenant, List.of(usage)));
    }

    private Summary summary(TenantId tenant, Instant from, Instant to) {
        return fx.transactions().inTenant(tenant, () -> ledger().summary(tenant, from, to));
    }

    @Test
    void usageIsAddedOnceAndIsDueAtOnceOldestFirst() {
        record(a, new CallUsage("c2", T0.plusSeconds(5), 61), new CallUsage("c1", T0, 30));
        record(a, new CallUsage("c1", T0, 999));
        record(b, new CallUsage("c3", T0.plusSeconds(1), 120));
        List<Pending> due = ledger().due(T0.plusSeconds(10), 10);
        assertThat(due).containsExactly(new Pending(a, new CallUsage("c1", T0, 30), 0),
                new Pending(b, new CallUsage("c3", T0.plusSeconds(1), 120), 0),
                new Pending(a, new CallUsage("c2", T0.plusSeconds(5), 61), 0));
        assertThat(ledger().due(T0.plusSeconds(10), 1)).hasSize(1);
        assertThat(ledger().due(T0.minusSeconds(1), 10)).isEmpty();
    }

    @Test
    void aReportedCallIsNoLongerDue() {
        record(a, new CallUsage("c1", T0, 30), new CallUsage("c2", T0, 30));
        fx.transactions().runInTenant(a, () -> ledger().markReported(a, "c1", T0.plusSeconds(1)));
        assertThat(ledger().due(T0.plusSeconds(5), 10)).extracting(p -> p.usage().callId()).containsExactly("c2");
    }

    @Test
    void aFailedAttemptWaitsForItsNextTime() {
        record(a, new CallUsage("c1", T0, 30));
        fx.transactions().runInTenant(a, () -> ledger().markRetry(a, "c1", 3, T0.plusSeconds(60), "provider down"));
        assertThat(ledger().due(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(ledger().due(T0.plusSeconds(60), 10)).containsExactly(new Pending(a, new CallUsage("c1", T0, 30), 3));
    }

    @Test
    void anAbandonedCallIsNeverDueAndStaysUnreported() {
        record(a, new CallUsage("c1", T0, 600));
        fx.transactions().runInTenant(a, () -> ledger().markAbandoned(a, "c1", "older than 35 days"));
        assertThat(ledger().due(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(summary(a, T0, T0.plusSeconds(1))).isEqualTo(new Summary(1, 10, 10));
    }

    @Test
    void summariesCountCallsMinutesAndUnreportedMinutesInTheirPeriodAndTenant() {
        record(a, new CallUsage("c1", T0, 61), new CallUsage("c2", T0.plusSeconds(100), 60),
                new CallUsage("c3", T0.plusSeconds(200), 1));
        record(b, new CallUsage("c4", T0.plusSeconds(100), 6000));
        fx.transactions().runInTenant(a, () -> ledger().markReported(a, "c2", T0.plusSeconds(101)));
        assertThat(summary(a, T0, T0.plusSeconds(200))).isEqualTo(new Summary(2, 3, 2));
        assertThat(summary(a, T0, T0.plusSeconds(201))).isEqualTo(new Summary(3, 4, 3));
        assertThat(summary(a, T0.plusSeconds(300), T0.plusSeconds(400))).isEqualTo(new Summary(0, 0, 0));
        assertThat(summary(b, T0, T0.plusSeconds(400))).isEqualTo(new Summary(1, 100, 100));
    }
}
