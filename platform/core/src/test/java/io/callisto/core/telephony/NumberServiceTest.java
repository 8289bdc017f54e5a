package io.callisto.core.telephony;

import static io.callisto.core.telephony.TelephonyWorld.newNumber;
import static io.callisto.core.telephony.TelephonyWorld.newTrunk;
import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.contract.AcdFixtures;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.NumberService.NumberInput;
import io.callisto.core.telephony.NumberService.TargetInput;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Numbers: validation, E.164 normalization, one tenant per number, targets and trunks of the tenant only, roles. */
class NumberServiceTest {
    private static final String TRUNK = "trunk-of-a";
    private final TelephonyWorld w = new TelephonyWorld();
    private String trunkId;
    private String trunkOfB;

    @BeforeEach
    void trunks() {
        trunkId = w.trunks.create(w.admin, newTrunk("name", TRUNK)).id();
        trunkOfB = w.trunks.create(w.adminOfB, newTrunk()).id();
        w.store.runInTenant(w.b, () -> w.store.queues().insert(w.b, AcdFixtures.queue("q-only-b", "Only B")));
    }

    private static NumberInput input(String e164, String name, String trunk, TargetInput target) {
        return new NumberInput(e164, name, trunk, target, Set.of());
    }

    private static TargetInput queue(String id) {
        return new TargetInput("QUEUE", id, null);
    }

    static Stream<Arguments> invalidNewNumbers() {
        return Stream.of(
                Arguments.of(input(null, null, null, queue("q-sales")), List.of("e164")),
                Arguments.of(input("5551230000", null, null, queue("q-sales")), List.of("e164")),
                Arguments.of(input("+1555", null, null, queue("q-sales")), List.of("e164")),
                Arguments.of(input("+1 555 CALL NOW", null, null, queue("q-sales")), List.of("e164")),
                Arguments.of(input("+15551230000", null, null, null), List.of("target")),
                Arguments.of(input(null, null, null, null), List.of("e164", "target")),
                Arguments.of(input("+15551230000", null, null, new TargetInput(null, "q-sales", null)),
                        List.of("target.type")),
                Arguments.of(input("+15551230000", null, null, new TargetInput("FAX", "q-sales", null)),
                        List.of("target.type")),
                Arguments.of(input("+15551230000", null, null, new TargetInput("queue", "q-sales", null)),
                        List.of("target.type")),
                Arguments.of(input("+15551230000", null, null, new TargetInput("IVR", null, "f-1")),
                        List.of("target.type")),
                Arguments.of(input("+15551230000", null, null, queue(null)), List.of("target.queueId")),
                Arguments.of(input("+15551230000", null, null, queue("q-nothing")), List.of("target.queueId")),
                Arguments.of(input("+15551230000", null, null, queue("q-only-b")), List.of("target.queueId")),
                Arguments.of(input("+15551230000", null, null, queue("q".repeat(300))), List.of("target.queueId")),
                Arguments.of(input("+15551230000", null, null, new TargetInput("QUEUE", "q-sales", "f-1")),
                        List.of("target.ivrFlowId")),
                Arguments.of(input("+15551230000", null, "s-nothing", queue("q-sales")), List.of("trunkId")),
                Arguments.of(input("+15551230000", null, "s".repeat(300), queue("q-sales")), List.of("trunkId")),
                Arguments.of(input("+15551230000", "", null, queue("q-sales")), List.of("name")),
                Arguments.of(input("+15551230000", "n".repeat(101), null, queue("q-sales")), List.of("name")),
                Arguments.of(input("bad", "", "s-nothing", queue("q-nothing")),
                        List.of("e164", "name", "trunkId", "target.queueId")));
    }

    @ParameterizedTest
    @MethodSource("invalidNewNumbers")
    void createRejectsInvalidInputAndStoresNothing(NumberInput input, List<String> fields) {
        assertThat(invalidFields(() -> w.numbers.create(w.admin, input))).containsExactlyElementsOf(fields);
        assertThat(w.numbers.list(w.admin, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void ivrTargetsAreRefusedUntilIvrFlowsExist() {
        CallistoException e = assertFails(() -> w.numbers.create(w.admin, input("+15551230000", null, null,
                new TargetInput("IVR", null, "f-1"))), ErrorKind.INVALID_INPUT, "validation-failed");

        assertThat(e.fieldErrors()).containsExactly(new CallistoException.FieldError("target.type",
                "IVR flows are not available yet; use QUEUE"));
    }

    @Test
    void trunksOfAnotherTenantAreRefused() {
        assertThat(invalidFields(() -> w.numbers.create(w.admin, newNumber("+15551230000", trunkOfB, "q-sales"))))
                .containsExactly("trunkId");
    }

    @Test
    void createsANormalizedNumberThatRoutesToTheQueue() {
        NumberConfig created = w.numbers.create(w.admin, new NumberInput("+1 (555) 123-0000", " Main line ", trunkId,
                queue("q-sales"), Set.of()));

        assertThat(created.id()).startsWith("n").hasSize(17);
        assertThat(created.e164()).isEqualTo("+15551230000");
        assertThat(created.name()).isEqualTo("Main line");
        assertThat(created.trunkId()).isEqualTo(trunkId);
        assertThat(created.target()).isEqualTo(NumberTarget.queue("q-sales"));
        assertThat(created.createdAt()).isEqualTo(Fixtures.NOW);
        assertThat(w.numbers.get(w.supervisor, created.id())).isEqualTo(created);
        NumberRoute route = new StoredTelephonyDirectory(w.store, w.store.trunks(), w.store.numbers())
                .route("15551230000").orElseThrow();
        assertThat(route).isEqualTo(new NumberRoute(w.a, created.id(), "+15551230000", NumberTarget.queue("q-sales"),
                trunkId));
    }

    @Test
    void aNumberAnotherTenantHasIsTakenWithoutSayingWhose() {
        w.numbers.create(w.admin, newNumber("+15551230000", null, "q-sales"));

        CallistoException taken = assertFails(() -> w.numbers.create(w.adminOfB, newNumber("0015551230000", null,
                "q-sales")), ErrorKind.CONFLICT, "number-taken");

        assertThat(taken.detail()).doesNotContain(w.a.value()).doesNotContain("q-sales");
        assertThat(w.numbers.list(w.adminOfB, PageRequest.first(10)).items()).isEmpty();
        assertFails(() -> w.numbers.create(w.admin, newNumber("+15551230000", null, "q-sales")), ErrorKind.CONFLICT,
                "number-taken");
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndClearsWhatIsNull() {
        NumberConfig created = w.numbers.create(w.admin, new NumberInput("+15551230000", "Main", trunkId,
                queue("q-sales"), Set.of()));
        w.store.runInTenant(w.a, () -> w.store.queues().insert(w.a, AcdFixtures.queue("q-support", "Support")));
        w.clock.advance(Duration.ofMinutes(1));

        NumberConfig moved = w.numbers.update(w.admin, created.id(), new NumberInput(null, null, null,
                queue("q-support"), Set.of()));
        NumberConfig cleared = w.numbers.update(w.admin, created.id(), new NumberInput("+15551239999", null, null, null,
                Set.of("name", "trunkId")));

        assertThat(moved.target().queueId()).isEqualTo("q-support");
        assertThat(moved.name()).isEqualTo("Main");
        assertThat(moved.trunkId()).isEqualTo(trunkId);
        assertThat(moved.updatedAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(1)));
        assertThat(cleared.name()).isNull();
        assertThat(cleared.trunkId()).isNull();
        assertThat(cleared.e164()).isEqualTo("+15551239999");
        assertThat(cleared.target().queueId()).isEqualTo("q-support");
        assertThat(w.numbers.get(w.admin, created.id())).isEqualTo(cleared);
        assertThat(w.store.numbers().route("+15551230000")).isEmpty();
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        NumberConfig created = w.numbers.create(w.admin, newNumber("+15551230000", trunkId, "q-sales"));
        w.numbers.create(w.adminOfB, newNumber("+15551239999", null, "q-sales"));

        assertThat(invalidFields(() -> w.numbers.update(w.admin, created.id(), input(null, null, null,
                new TargetInput("IVR", null, "f-1"))))).containsExactly("target.type");
        assertFails(() -> w.numbers.update(w.admin, created.id(), input("+15551239999", null, null, null)),
                ErrorKind.CONFLICT, "number-taken");

        assertThat(w.numbers.get(w.admin, created.id())).isEqualTo(created);
    }

    @Test
    void rolesAndTenantsAreChecked() {
        NumberConfig created = w.numbers.create(w.admin, newNumber("+15551230000", trunkId, "q-sales"));

        assertThat(w.numbers.list(w.supervisor, PageRequest.first(5)).items()).containsExactly(created);
        assertFails(() -> w.numbers.get(w.agent, created.id()), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.numbers.create(w.supervisor, newNumber("+15551230001", null, "q-sales")), ErrorKind.FORBIDDEN,
                "role-required");
        assertFails(() -> w.numbers.delete(w.supervisor, created.id()), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.numbers.get(w.adminOfB, created.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> w.numbers.update(w.adminOfB, created.id(), input(null, "Mine", null, null)),
                ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> w.numbers.delete(w.adminOfB, created.id()), ErrorKind.NOT_FOUND, "not-found");

        w.numbers.delete(w.admin, created.id());
        assertFails(() -> w.numbers.get(w.admin, created.id()), ErrorKind.NOT_FOUND, "not-found");
        assertThat(w.store.numbers().route("+15551230000")).isEmpty();
    }
}
