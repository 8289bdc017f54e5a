package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.agent.AwayReason;
import io.callisto.core.agent.AwayReasonRepository;
import io.callisto.core.ids.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AwayReasonRepository contract, including tenant isolation. */
public abstract class AwayReasonRepositoryContract {
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

    private AwayReasonRepository reasons() {
        return fx.awayReasons();
    }

    private void replace(TenantId tenant, List<AwayReason> list) {
        fx.transactions().runInTenant(tenant, () -> reasons().replace(tenant, list));
    }

    @Test
    void aTenantThatNeverDefinedAListHasNone() {
        assertThat(reasons().find(a)).isEmpty();
    }

    @Test
    void keepsTheListInItsOrderWithUnicodeLabels() {
        List<AwayReason> list = List.of(new AwayReason("training", "Training"), new AwayReason("pause", AcdFixtures.UNICODE),
                new AwayReason("break", "Kaffeepause ☕"), new AwayReason("z-last", ""));

        replace(a, list);

        assertThat(reasons().find(a)).contains(list);
    }

    @Test
    void keepsTheDefaults() {
        replace(a, AwayReason.DEFAULTS);

        assertThat(reasons().find(a)).contains(AwayReason.DEFAULTS);
    }

    @Test
    void replacesTheWholeList() {
        replace(a, AwayReason.DEFAULTS);
        List<AwayReason> shorter = List.of(new AwayReason("lunch", "Mittag"));

        replace(a, shorter);
        assertThat(reasons().find(a)).contains(shorter);

        List<AwayReason> longer = new ArrayList<>(AwayReason.DEFAULTS);
        longer.addFirst(new AwayReason("meeting", "Team meeting"));
        replace(a, longer);
        assertThat(reasons().find(a)).contains(longer);
    }

    @Test
    void anEmptyListIsAListAndNotTheDefaults() {
        replace(a, AwayReason.DEFAULTS);

        replace(a, List.of());

        assertThat(reasons().find(a)).contains(List.of());
    }

    @Test
    void replaceWorksOutsideAUnitOfWorkToo() {
        reasons().replace(a, AwayReason.DEFAULTS);
        reasons().replace(a, List.of(new AwayReason("break", "Break")));

        assertThat(reasons().find(a)).contains(List.of(new AwayReason("break", "Break")));
    }

    @Test
    void eachTenantHasItsOwnList() {
        List<AwayReason> inA = List.of(new AwayReason("break", "Break A"));
        List<AwayReason> inB = List.of(new AwayReason("break", "Break B"), new AwayReason("nap", "Nap"));

        replace(a, inA);
        assertThat(reasons().find(b)).isEmpty();

        replace(b, inB);
        assertThat(reasons().find(a)).contains(inA);
        assertThat(reasons().find(b)).contains(inB);

        replace(b, List.of());
        assertThat(reasons().find(a)).contains(inA);
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        replace(a, AwayReason.DEFAULTS);

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            reasons().replace(a, List.of());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThatThrownBy(() -> fx.transactions().runInTenant(b, () -> {
            reasons().replace(b, AwayReason.DEFAULTS);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(reasons().find(a)).contains(AwayReason.DEFAULTS);
        assertThat(reasons().find(b)).isEmpty();
    }

    @Test
    void aUnitOfWorkSeesItsOwnReplacements() {
        List<AwayReason> seen = fx.transactions().inTenant(a, () -> {
            reasons().replace(a, AwayReason.DEFAULTS);
            reasons().replace(a, List.of(new AwayReason("x", "X")));
            return reasons().find(a).orElseThrow();
        });

        assertThat(seen).containsExactly(new AwayReason("x", "X"));
    }
}
