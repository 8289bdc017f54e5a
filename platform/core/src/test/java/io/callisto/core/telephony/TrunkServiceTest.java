package io.callisto.core.telephony;

import static io.callisto.core.telephony.TelephonyWorld.changes;
import static io.callisto.core.telephony.TelephonyWorld.newTrunk;
import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.agent.SipDigests;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.TrunkService.TrunkInput;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trunks: validation of every field, defaults, the write-only password and its digests, roles, conflicts. */
class TrunkServiceTest {
    private final TelephonyWorld w = new TelephonyWorld();

    static Stream<Arguments> invalidNewTrunks() {
        List<String> tooManyIps = new ArrayList<>(Collections.nCopies(51, "10.0.0.1"));
        return Stream.of(
                Arguments.of(newTrunk("name", ""), List.of("name")),
                Arguments.of(newTrunk("name", "   "), List.of("name")),
                Arguments.of(newTrunk("name", "n".repeat(101)), List.of("name")),
                Arguments.of(newTrunk("kind", "SIP"), List.of("kind")),
                Arguments.of(newTrunk("kind", "carrier"), List.of("kind")),
                Arguments.of(newTrunk("host", "sip://carrier.example"), List.of("host")),
                Arguments.of(newTrunk("host", "carrier example"), List.of("host")),
                Arguments.of(newTrunk("host", "carrier.example:5060"), List.of("host")),
                Arguments.of(newTrunk("host", "user@carrier.example"), List.of("host")),
                Arguments.of(newTrunk("host", "-bad.example"), List.of("host")),
                Arguments.of(newTrunk("host", "10.0.0.256"), List.of("host")),
                Arguments.of(newTrunk("host", "1.2.3"), List.of("host")),
                Arguments.of(newTrunk("host", "[2001:db8::1]"), List.of("host")),
                Arguments.of(newTrunk("host", ("a".repeat(63) + ".").repeat(4) + "b"), List.of("host")),
                Arguments.of(newTrunk("host", ""), List.of("host")),
                Arguments.of(newTrunk("port", 0), List.of("port")),
                Arguments.of(newTrunk("port", 65_536), List.of("port")),
                Arguments.of(newTrunk("transport", "SCTP"), List.of("transport")),
                Arguments.of(newTrunk("username", "bad user", "password", "secret"), List.of("username")),
                Arguments.of(newTrunk("username", "u".repeat(129), "password", "secret"), List.of("username")),
                Arguments.of(newTrunk("username", "trunk", "password", ""), List.of("password")),
                Arguments.of(newTrunk("username", "trunk", "password", "p".repeat(129)), List.of("password")),
                Arguments.of(newTrunk("username", "trunk", "password", "tab\there"), List.of("password")),
                Arguments.of(newTrunk("username", "trunk"), List.of("password")),
                Arguments.of(newTrunk("password", "secret"), List.of("username")),
                Arguments.of(newTrunk("register", true), List.of("register")),
                Arguments.of(newTrunk("registerExpiresSeconds", 59), List.of("registerExpiresSeconds")),
                Arguments.of(newTrunk("registerExpiresSeconds", 86_401), List.of("registerExpiresSeconds")),
                Arguments.of(newTrunk("allowedIps", List.of()), List.of("allowedIps")),
                Arguments.of(newTrunk("allowedIps", List.of("carrier.example")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("10.0.0.1/33")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("10.0.0.1", "300.1.1.1")), List.of("allowedIps[1]")),
                Arguments.of(newTrunk("allowedIps", List.of("010.0.0.1")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of(" 10.0.0.1")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("10.0.0.0/08")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("2001:db8::/129")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("fe80::1%eth0")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("1::2::3")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", List.of("1:2:3:4:5:6:7:8:9")), List.of("allowedIps[0]")),
                Arguments.of(newTrunk("allowedIps", tooManyIps), List.of("allowedIps")),
                Arguments.of(newTrunk("failoverHosts", List.of("sip://backup.example")), List.of("failoverHosts[0]")),
                Arguments.of(newTrunk("failoverHosts", List.of("backup.example:0")), List.of("failoverHosts[0]")),
                Arguments.of(newTrunk("failoverHosts", List.of("ok.example", "backup.example:70000")),
                        List.of("failoverHosts[1]")),
                Arguments.of(newTrunk("failoverHosts", List.of("[2001:db8::1]:")), List.of("failoverHosts[0]")),
                Arguments.of(newTrunk("failoverHosts", Collections.nCopies(11, "b.example")), List.of("failoverHosts")),
                Arguments.of(newTrunk("callerId", "12345"), List.of("callerId")),
                Arguments.of(newTrunk("callerId", "main line"), List.of("callerId")),
                Arguments.of(newTrunk("maxChannels", 0), List.of("maxChannels")),
                Arguments.of(newTrunk("maxChannels", 10_001), List.of("maxChannels")),
                Arguments.of(newTrunk("name", "", "port", -1, "maxChannels", 0), List.of("name", "port", "maxChannels")));
    }

    @ParameterizedTest
    @MethodSource("invalidNewTrunks")
    void createRejectsInvalidInputAndStoresNothing(TrunkInput input, List<String> fields) {
        assertThat(invalidFields(() -> w.trunks.create(w.admin, input))).containsExactlyElementsOf(fields);
        assertThat(w.store.trunks().all(w.a)).isEmpty();
    }

    @Test
    void requiredFieldsAreReportedTogether() {
        assertThat(invalidFields(() -> w.trunks.create(w.admin, changes()))).containsExactly("name", "kind", "host");
    }

    @Test
    void createFillsTheDefaults() {
        Trunk created = w.trunks.create(w.admin, newTrunk("name", "  Carrier  "));

        assertThat(created.id()).startsWith("s").hasSize(17);
        assertThat(created.name()).isEqualTo("Carrier");
        assertThat(created.kind()).isEqualTo(TrunkKind.CARRIER);
        assertThat(created.port()).isEqualTo(5060);
        assertThat(created.transport()).isEqualTo(TrunkTransport.UDP);
        assertThat(created.register()).isFalse();
        assertThat(created.registerExpiresSeconds()).isEqualTo(3600);
        assertThat(created.maxChannels()).isEqualTo(100);
        assertThat(created.enabled()).isTrue();
        assertThat(created.failoverHosts()).isEmpty();
        assertThat(created.callerId()).isNull();
        assertThat(created.hasCredentials()).isFalse();
        assertThat(created.inboundDigest()).isNull();
        assertThat(created.createdAt()).isEqualTo(Fixtures.NOW);
        assertThat(w.store.trunks().find(w.a, created.id())).contains(created);
    }

    @Test
    void tlsDefaultsToPort5061AndCredentialsGetTenantRealmDigests() {
        Trunk created = w.trunks.create(w.admin, newTrunk("kind", "PBX", "transport", "TLS", "username", "pbx-1",
                "password", "Pbx-Secret-1", "register", true, "allowedIps", List.of(), "callerId", "+1 (555) 123-0000",
                "failoverHosts", List.of("[2001:db8::5]:5061", "10.0.0.9", "b.example:5070", "10.0.0.9"),
                "host", "2001:db8::1"));

        assertThat(created.port()).isEqualTo(5061);
        assertThat(created.password()).isEqualTo("Pbx-Secret-1");
        assertThat(created.inboundDigest()).isEqualTo(SipDigests.of("pbx-1", w.a.value(), "Pbx-Secret-1"));
        assertThat(created.inboundDigest().md5()).isEqualTo(SipDigests.hash("MD5", "pbx-1:" + w.a.value() + ":Pbx-Secret-1"));
        assertThat(created.callerId()).isEqualTo("+15551230000");
        assertThat(created.failoverHosts()).as("duplicates dropped").containsExactly("[2001:db8::5]:5061", "10.0.0.9",
                "b.example:5070");
        assertThat(created.register()).isTrue();
        assertThat(created.toString()).doesNotContain("Pbx-Secret-1");
    }

    @Test
    void anExplicitPortWinsAndAChangedTransportMovesOnlyTheDefaultPort() {
        Trunk moved = w.trunks.create(w.admin, newTrunk());
        Trunk fixed = w.trunks.create(w.admin, newTrunk("name", "Fixed", "port", 5080));

        assertThat(w.trunks.update(w.admin, moved.id(), changes("transport", "TLS")).port()).isEqualTo(5061);
        assertThat(w.trunks.update(w.admin, fixed.id(), changes("transport", "TLS")).port()).isEqualTo(5080);
        assertThat(w.trunks.update(w.admin, moved.id(), changes("transport", "TCP")).port()).isEqualTo(5060);
    }

    @Test
    void updateKeepsWhatIsNotGivenAndRecomputesTheDigestFromTheStoredPassword() {
        Trunk created = w.trunks.create(w.admin, newTrunk("username", "old", "password", "Stored-Secret"));
        w.clock.advance(Duration.ofMinutes(5));

        Trunk renamed = w.trunks.update(w.admin, created.id(), changes("username", "new", "maxChannels", 7));

        assertThat(renamed.password()).isEqualTo("Stored-Secret");
        assertThat(renamed.inboundDigest()).isEqualTo(SipDigests.of("new", w.a.value(), "Stored-Secret"));
        assertThat(renamed.maxChannels()).isEqualTo(7);
        assertThat(renamed.allowedIps()).containsExactly("203.0.113.0/24");
        assertThat(renamed.host()).isEqualTo("sip.carrier.example");
        assertThat(renamed.createdAt()).isEqualTo(Fixtures.NOW);
        assertThat(renamed.updatedAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(5)));
        assertThat(w.store.trunks().find(w.a, created.id())).contains(renamed);
    }

    @Test
    void credentialsAreClearedTogetherAndOnlyWhileTheAllowListAuthenticates() {
        Trunk created = w.trunks.create(w.admin, newTrunk("username", "u", "password", "Secret-1", "allowedIps",
                List.of(), "callerId", "+15551230000"));

        assertThat(invalidFields(() -> w.trunks.update(w.admin, created.id(), changes("username", null, "password",
                null)))).containsExactly("allowedIps");
        assertThat(invalidFields(() -> w.trunks.update(w.admin, created.id(), changes("password", null))))
                .containsExactly("password", "allowedIps");
        Trunk cleared = w.trunks.update(w.admin, created.id(), changes("username", null, "password", null, "callerId",
                null, "allowedIps", List.of("198.51.100.0/24")));

        assertThat(cleared.username()).isNull();
        assertThat(cleared.password()).isNull();
        assertThat(cleared.inboundDigest()).isNull();
        assertThat(cleared.callerId()).isNull();
        assertThat(w.store.trunks().find(w.a, created.id())).contains(cleared);
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        Trunk created = w.trunks.create(w.admin, newTrunk());

        assertThat(invalidFields(() -> w.trunks.update(w.admin, created.id(), changes("host", "bad host", "port", 0))))
                .containsExactly("host", "port");

        assertThat(w.store.trunks().find(w.a, created.id())).contains(created);
    }

    @Test
    void namesAreUniqueWithinATenant() {
        w.trunks.create(w.admin, newTrunk());

        assertFails(() -> w.trunks.create(w.admin, newTrunk()), ErrorKind.CONFLICT, "duplicate-trunk-name");

        assertThat(w.trunks.create(w.adminOfB, newTrunk()).name()).isEqualTo("Carrier");
        assertThat(w.store.trunks().all(w.a)).hasSize(1);
    }

    @Test
    void supervisorsReadAgentsDoNotAndOnlyAdminsWrite() {
        Trunk created = w.trunks.create(w.admin, newTrunk());

        assertThat(w.trunks.list(w.supervisor, PageRequest.first(10)).items()).containsExactly(created);
        assertThat(w.trunks.get(w.supervisor, created.id())).isEqualTo(created);
        assertFails(() -> w.trunks.get(w.agent, created.id()), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.trunks.list(w.agent, PageRequest.first(10)), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.trunks.create(w.supervisor, newTrunk("name", "Other")), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.trunks.update(w.supervisor, created.id(), changes("maxChannels", 2)), ErrorKind.FORBIDDEN,
                "role-required");
        assertFails(() -> w.trunks.delete(w.supervisor, created.id()), ErrorKind.FORBIDDEN, "role-required");
        assertThat(w.store.trunks().all(w.a)).containsExactly(created);
    }

    @Test
    void anotherTenantsTrunkIsNotFound() {
        Trunk created = w.trunks.create(w.admin, newTrunk());

        assertFails(() -> w.trunks.get(w.adminOfB, created.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> w.trunks.update(w.adminOfB, created.id(), changes("maxChannels", 2)), ErrorKind.NOT_FOUND,
                "not-found");
        assertFails(() -> w.trunks.delete(w.adminOfB, created.id()), ErrorKind.NOT_FOUND, "not-found");

        assertThat(w.store.trunks().all(w.a)).containsExactly(created);
    }

    @Test
    void aTrunkANumberUsesCannotBeDeleted() {
        Trunk created = w.trunks.create(w.admin, newTrunk());
        NumberConfig number = w.numbers.create(w.admin, TelephonyWorld.newNumber("+15551230000", created.id(), "q-sales"));

        assertFails(() -> w.trunks.delete(w.admin, created.id()), ErrorKind.CONFLICT, "trunk-in-use");
        assertThat(w.store.trunks().all(w.a)).containsExactly(created);

        w.numbers.delete(w.admin, number.id());
        w.trunks.delete(w.admin, created.id());
        assertThat(w.store.trunks().all(w.a)).isEmpty();
        assertFails(() -> w.trunks.delete(w.admin, created.id()), ErrorKind.NOT_FOUND, "not-found");
    }

    @Test
    void theAllowListMatchesSourcesByAddressAndBlock() throws Exception {
        Trunk created = w.trunks.create(w.admin, newTrunk("allowedIps", List.of("203.0.113.0/24", "2001:db8::/32",
                "198.51.100.7")));

        assertThat(created.allows(InetAddress.getByName("203.0.113.200"))).isTrue();
        assertThat(created.allows(InetAddress.getByName("198.51.100.7"))).isTrue();
        assertThat(created.allows(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(created.allows(InetAddress.getByName("198.51.100.8"))).isFalse();
        assertThat(created.allows(InetAddress.getByName("203.0.114.1"))).isFalse();
        assertThat(created.allows(InetAddress.getByName("2001:db9::1"))).isFalse();
    }
}
