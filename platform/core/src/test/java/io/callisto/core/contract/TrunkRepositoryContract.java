package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.agent.SipDigests;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.telephony.TrunkKind;
import io.callisto.core.telephony.TrunkRepository;
import io.callisto.core.telephony.TrunkTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TrunkRepository contract: every field kept (the password too), names unique per tenant, tenant isolation. */
public abstract class TrunkRepositoryContract {
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

    private TrunkRepository trunks() {
        return fx.trunks();
    }

    private Trunk insert(TenantId tenant, Trunk trunk) {
        fx.transactions().runInTenant(tenant, () -> trunks().insert(tenant, trunk));
        return trunk;
    }

    private boolean update(TenantId tenant, Trunk trunk) {
        return fx.transactions().inTenant(tenant, () -> trunks().update(tenant, trunk));
    }

    private boolean delete(TenantId tenant, String id) {
        return fx.transactions().inTenant(tenant, () -> trunks().delete(tenant, id));
    }

    private static Trunk renamed(Trunk t, String name) {
        return new Trunk(t.id(), name, t.kind(), t.host(), t.port(), t.transport(), t.username(), t.password(),
                t.inboundDigest(), t.register(), t.registerExpiresSeconds(), t.allowedIps(), t.failoverHosts(),
                t.callerId(), t.maxChannels(), t.enabled(), t.createdAt(), t.updatedAt());
    }

    @Test
    void roundTripsEveryFieldIncludingThePasswordAndItsDigests() {
        Trunk carrier = insert(a, TelephonyFixtures.trunk(a, "s-carrier", "Carrier"));

        Trunk found = trunks().find(a, "s-carrier").orElseThrow();
        assertThat(found).isEqualTo(carrier);
        assertThat(found.password()).isEqualTo("s3cret:with\"quotes");
        assertThat(found.inboundDigest()).isEqualTo(SipDigests.of("acme-trunk", a.value(), "s3cret:with\"quotes"));
        assertThat(found.allowedIps()).containsExactly("203.0.113.0/24", "2001:db8::/32", "198.51.100.7");
        assertThat(found.failoverHosts()).containsExactly("sip2.carrier.example:5080", "[2001:db8::5]:5060", "192.0.2.10");
        assertThat(found.transport()).isEqualTo(TrunkTransport.TLS);
        assertThat(found.port()).isEqualTo(5061);
        assertThat(found.register()).isTrue();
        assertThat(found.registerExpiresSeconds()).isEqualTo(600);
        assertThat(found.callerId()).isEqualTo("+15551230000");
        assertThat(found.maxChannels()).isEqualTo(30);
        assertThat(found.enabled()).isFalse();
        assertThat(found.updatedAt()).isEqualTo(Fixtures.NOW.plusSeconds(7));
        assertThat(found.toString()).doesNotContain("s3cret").doesNotContain(carrier.inboundDigest().md5());
        assertThat(trunks().all(a)).containsExactly(carrier);
    }

    @Test
    void roundTripsATrunkWithoutCredentialsAndUnicode() {
        Trunk bare = insert(a, TelephonyFixtures.bareTrunk("s-pbx", AcdFixtures.UNICODE));

        Trunk found = trunks().find(a, "s-pbx").orElseThrow();
        assertThat(found).isEqualTo(bare);
        assertThat(found.name()).isEqualTo(AcdFixtures.UNICODE);
        assertThat(found.username()).isNull();
        assertThat(found.password()).isNull();
        assertThat(found.inboundDigest()).isNull();
        assertThat(found.callerId()).isNull();
        assertThat(found.failoverHosts()).isEmpty();
        assertThat(found.kind()).isEqualTo(TrunkKind.PBX);
        assertThat(found.hasCredentials()).isFalse();
    }

    @Test
    void findsNothingUnknown() {
        insert(a, TelephonyFixtures.trunk(a, "s-carrier", "Carrier"));

        assertThat(trunks().find(a, "s-nothing")).isEmpty();
        assertThat(trunks().find(a, "Carrier")).isEmpty();
        assertThat(trunks().all(b)).isEmpty();
        assertThat(trunks().list(b, PageRequest.first(5))).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void aNameIsUniqueWithinATenantOnly() {
        Trunk carrier = insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));

        assertFails(() -> insert(a, TelephonyFixtures.bareTrunk("s-2", "Carrier")), ErrorKind.CONFLICT,
                "duplicate-trunk-name");
        assertThat(trunks().all(a)).containsExactly(carrier);

        Trunk inB = insert(b, TelephonyFixtures.bareTrunk("s-2", "Carrier"));
        Trunk lowerCase = insert(a, TelephonyFixtures.bareTrunk("s-3", "carrier"));
        assertThat(trunks().all(b)).containsExactly(inB);
        assertThat(trunks().all(a)).containsExactly(carrier, lowerCase);
    }

    @Test
    void aSecondTrunkWithTheSameIdConflicts() {
        Trunk carrier = insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));

        assertFails(() -> insert(a, TelephonyFixtures.bareTrunk("s-1", "Other")), ErrorKind.CONFLICT, "duplicate-id");

        assertThat(trunks().all(a)).containsExactly(carrier);
    }

    @Test
    void updateReplacesEveryFieldAndMayDropTheCredentials() {
        insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));
        Trunk replaced = TelephonyFixtures.bareTrunk("s-1", "Office PBX");

        assertThat(update(a, replaced)).isTrue();

        Trunk found = trunks().find(a, "s-1").orElseThrow();
        assertThat(found).isEqualTo(replaced);
        assertThat(found.password()).isNull();
        assertThat(found.allowedIps()).containsExactly("10.0.0.5");
        Trunk again = TelephonyFixtures.trunk(a, "s-1", "Office PBX");
        assertThat(update(a, again)).isTrue();
        assertThat(trunks().find(a, "s-1")).contains(again);
    }

    @Test
    void updateToAnotherTrunksNameConflictsAndChangesNothing() {
        Trunk one = insert(a, TelephonyFixtures.trunk(a, "s-1", "One"));
        Trunk two = insert(a, TelephonyFixtures.bareTrunk("s-2", "Two"));

        assertFails(() -> update(a, renamed(two, "One")), ErrorKind.CONFLICT, "duplicate-trunk-name");

        assertThat(trunks().all(a)).containsExactly(one, two);
    }

    @Test
    void updateOrDeleteOfAnUnknownTrunkIsFalse() {
        assertThat(update(a, TelephonyFixtures.bareTrunk("s-ghost", "Ghost"))).isFalse();
        assertThat(delete(a, "s-ghost")).isFalse();
        assertThat(trunks().all(a)).isEmpty();
    }

    @Test
    void deletesATrunkAndFreesItsName() {
        insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));

        assertThat(delete(a, "s-1")).isTrue();
        assertThat(delete(a, "s-1")).isFalse();

        assertThat(trunks().find(a, "s-1")).isEmpty();
        Trunk reused = insert(a, TelephonyFixtures.bareTrunk("s-2", "Carrier"));
        assertThat(trunks().all(a)).containsExactly(reused);
    }

    @Test
    void aTrunkANumberUsesIsNotDeleted() {
        Trunk carrier = insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));
        fx.transactions().runInTenant(a, () -> fx.queues().insert(a, AcdFixtures.queue("q-sales", "Sales")));
        String e164 = TelephonyFixtures.numberPrefix() + "1";
        fx.transactions().runInTenant(a, () -> fx.numbers().insert(a, TelephonyFixtures.number("n-1", e164, "s-1",
                "q-sales")));

        assertFails(() -> delete(a, "s-1"), ErrorKind.CONFLICT, "trunk-in-use");

        assertThat(trunks().all(a)).containsExactly(carrier);
        fx.transactions().runInTenant(a, () -> fx.numbers().delete(a, "n-1"));
        assertThat(delete(a, "s-1")).isTrue();
        assertThat(trunks().all(a)).isEmpty();
    }

    @Test
    void listsPageByPageInIdOrder() {
        List<Trunk> inA = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            inA.addFirst(insert(a, TelephonyFixtures.bareTrunk("s-" + i, "Trunk " + i)));
        }
        insert(b, TelephonyFixtures.bareTrunk("s-3b", "Other"));

        Page<Trunk> first = trunks().list(a, PageRequest.first(3));
        Page<Trunk> second = trunks().list(a, new PageRequest(3, first.next()));
        Page<Trunk> third = trunks().list(a, new PageRequest(3, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(inA.subList(0, 3));
        assertThat(first.next()).isEqualTo("s-2");
        assertThat(second.items()).containsExactlyElementsOf(inA.subList(3, 6));
        assertThat(third.items()).containsExactlyElementsOf(inA.subList(6, 7));
        assertThat(third.next()).isNull();
        assertThat(trunks().list(a, PageRequest.first(7)).next()).isNull();
        assertThat(trunks().all(a)).containsExactlyElementsOf(inA);
    }

    @Test
    void anotherTenantSeesNothingAndChangesNothing() {
        Trunk carrier = insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));

        assertThat(trunks().find(b, "s-1")).isEmpty();
        assertThat(trunks().list(b, PageRequest.first(10)).items()).isEmpty();
        assertThat(update(b, TelephonyFixtures.bareTrunk("s-1", "Hijacked"))).isFalse();
        assertThat(delete(b, "s-1")).isFalse();

        assertThat(trunks().all(a)).containsExactly(carrier);
    }

    @Test
    void theSameTrunkIdMayExistInTwoTenantsIndependently() {
        Trunk inA = insert(a, TelephonyFixtures.trunk(a, "s-same", "Same"));
        insert(b, TelephonyFixtures.bareTrunk("s-same", "Same"));

        assertThat(update(b, TelephonyFixtures.bareTrunk("s-same", "Changed in B"))).isTrue();
        assertThat(delete(b, "s-same")).isTrue();

        assertThat(trunks().find(a, "s-same")).contains(inA);
        assertThat(trunks().find(b, "s-same")).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        Trunk carrier = insert(a, TelephonyFixtures.trunk(a, "s-1", "Carrier"));

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            trunks().insert(a, TelephonyFixtures.bareTrunk("s-2", "New"));
            trunks().update(a, TelephonyFixtures.bareTrunk("s-1", "Changed"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(trunks().all(a)).containsExactly(carrier);
    }

    private static Trunk enabled(Trunk t, boolean enabled) {
        return new Trunk(t.id(), t.name(), t.kind(), t.host(), t.port(), t.transport(), t.username(), t.password(),
                t.inboundDigest(), t.register(), t.registerExpiresSeconds(), t.allowedIps(), t.failoverHosts(),
                t.callerId(), t.maxChannels(), enabled, t.createdAt(), t.updatedAt());
    }

    @Test
    void theTenantsWithEnabledRegisteringTrunksAreFoundAcrossTenants() {
        insert(a, enabled(TelephonyFixtures.trunk(a, "r-on", "Registering"), true));
        insert(b, TelephonyFixtures.trunk(b, "r-off", "Registering but disabled"));
        insert(b, TelephonyFixtures.bareTrunk("r-none", "Not registering"));
        assertThat(trunks().tenantsWithRegisteringTrunks()).contains(a).doesNotContain(b);
        fx.transactions().runInTenant(b, () -> trunks().update(b, enabled(TelephonyFixtures.trunk(b, "r-off",
                "Registering but disabled"), true)));
        assertThat(trunks().tenantsWithRegisteringTrunks()).contains(a, b);
    }
}
