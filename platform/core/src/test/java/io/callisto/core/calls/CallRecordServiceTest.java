package io.callisto.core.calls;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.auth.Caller;
import io.callisto.core.contract.AcdFixtures;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.contract.TelephonyFixtures;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Call records: written once by the gateway, read by admins and supervisors, and by agents only when theirs. */
class CallRecordServiceTest {
    private static final Instant T0 = Fixtures.NOW;
    private final InMemoryStore store = new InMemoryStore();
    private final CallRecorder recorder = new CallRecorder(store, store.callRecords());
    private final CallRecordService service = new CallRecordService(store, store.callRecords());
    private final TenantId a = AcdFixtures.newTenant(store);
    private final TenantId b = AcdFixtures.newTenant(store);
    private final Caller admin = new Caller(a, "u-admin", Caller.Kind.USER, Set.of(Role.ADMIN));
    private final Caller supervisor = new Caller(a, "u-sup", Caller.Kind.USER, Set.of(Role.SUPERVISOR));
    private final Caller ann = new Caller(a, "u-ann", Caller.Kind.USER, Set.of(Role.AGENT));
    private final Caller agentKey = new Caller(a, "u-ann", Caller.Kind.API_KEY, Set.of(Role.AGENT));
    private final Caller adminOfB = new Caller(b, "u-admin-b", Caller.Kind.USER, Set.of(Role.ADMIN));
    private final CallRecord annsCall = TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0);
    private final CallRecord bobsCall = TelephonyFixtures.answered("c-2", "u-bob", "q-sales", T0.plusSeconds(1));
    private final CallRecord abandoned = TelephonyFixtures.abandoned("c-3", "q-support", T0.plusSeconds(2));

    private void recordAll() {
        for (CallRecord r : List.of(annsCall, bobsCall, abandoned)) {
            assertThat(recorder.record(a, r)).isTrue();
        }
    }

    @Test
    void theRecorderStoresEachCallOnce() {
        recordAll();

        assertThat(recorder.record(a, TelephonyFixtures.abandoned("c-1", "q-other", T0))).isFalse();

        assertThat(service.get(admin, "c-1")).isEqualTo(annsCall);
        assertThat(service.list(admin, CallFilter.ALL, PageRequest.first(10)).items()).containsExactly(abandoned, bobsCall,
                annsCall);
    }

    @Test
    void adminsAndSupervisorsSeeEveryCallAndFilter() {
        recordAll();

        assertThat(service.list(supervisor, CallFilter.ALL, PageRequest.first(10)).items()).hasSize(3);
        assertThat(service.list(supervisor, new CallFilter("u-bob", null, null, null), PageRequest.first(10)).items())
                .containsExactly(bobsCall);
        assertThat(service.list(admin, new CallFilter(null, "q-support", null, null), PageRequest.first(10)).items())
                .containsExactly(abandoned);
        assertThat(service.list(admin, new CallFilter(null, null, T0.plusSeconds(1), null), PageRequest.first(10))
                .items()).containsExactly(abandoned, bobsCall);
        assertThat(service.get(supervisor, "c-2")).isEqualTo(bobsCall);
    }

    @Test
    void anAgentSeesOnlyTheirOwnCallsAndNothingOfOthers() {
        recordAll();

        assertThat(service.list(ann, CallFilter.ALL, PageRequest.first(10)).items()).containsExactly(annsCall);
        assertThat(service.list(ann, new CallFilter("u-bob", null, null, null), PageRequest.first(10)).items()).isEmpty();
        assertThat(service.list(ann, new CallFilter("u-ann", "q-sales", null, null), PageRequest.first(10)).items())
                .containsExactly(annsCall);
        assertThat(service.get(ann, "c-1")).isEqualTo(annsCall);
        assertFails(() -> service.get(ann, "c-2"), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.get(ann, "c-3"), ErrorKind.NOT_FOUND, "not-found");
        assertThat(service.list(agentKey, CallFilter.ALL, PageRequest.first(10)).items()).containsExactly(annsCall);
    }

    @Test
    void anotherTenantsCallsAreNotFound() {
        recordAll();

        assertFails(() -> service.get(adminOfB, "c-1"), ErrorKind.NOT_FOUND, "not-found");
        assertThat(service.list(adminOfB, CallFilter.ALL, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThat(invalidFields(() -> service.list(admin, new CallFilter(null, null, T0, T0), PageRequest.first(5))))
                .containsExactly("to");
        assertThat(invalidFields(() -> service.list(admin, new CallFilter(null, null, T0.plusSeconds(1), T0),
                PageRequest.first(5)))).containsExactly("to");
    }

    @Test
    void aRecordIsCheckedWhenItIsMade() {
        assertThatThrownBy(() -> TelephonyFixtures.answered("../c-1", "u-ann", "q", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallRecord("c-1", CallDirection.INBOUND, "a", "b", null, null, null, null, null, T0,
                null, T0, -1, 0, 0, CallDisposition.FAILED, HangupSide.SYSTEM, 503, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallRecord("c-1", CallDirection.INBOUND, "a", "b", null, null, null, null, null, T0,
                null, T0, 0, 0, 0, CallDisposition.FAILED, HangupSide.SYSTEM, 503, "../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        CallRecord precise = new CallRecord("c-1", CallDirection.OUTBOUND, "a", "b", null, null, null, null, null,
                Instant.parse("2026-01-01T00:00:00.123456789Z"), null, T0, 0, 0, 0, CallDisposition.BUSY, HangupSide.SYSTEM,
                486, null);
        assertThat(precise.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }
}
