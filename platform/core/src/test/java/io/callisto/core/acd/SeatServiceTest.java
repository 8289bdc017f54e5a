package io.callisto.core.acd;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.Caller;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.user.Role;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeatServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryAcd acd = new InMemoryAcd(Clock.systemUTC());
    private final SeatService seats = new SeatService(store, store.tenants(), acd, Clock.systemUTC());
    private final Tenant tenant = Fixtures.tenant();
    private final Caller admin = new Caller(tenant.id(), "u1", Caller.Kind.USER, Set.of(Role.ADMIN));

    SeatServiceTest() {
        store.runInTenant(tenant.id(), () -> store.tenants().insert(tenant));
    }

    @Test
    void showsTheLeaseAndTheAgentsLoggedIn() {
        seats.lease(admin, 3);
        acd.execute(tenant.id(), new AcdCommand.UpsertAgent(new AgentProfile("ann", Skills.NONE, Set.of(), Map.of())));
        acd.execute(tenant.id(), new AcdCommand.SetPresence("ann", AgentState.AWAY, "training"));

        assertThat(seats.get(admin)).isEqualTo(new SeatService.Seats(3, 1));
        assertThat(store.tenants().find(tenant.id()).orElseThrow().seatsLeased()).isEqualTo(3);
    }

    @Test
    void aLeaseBelowTheAgentsLoggedInIsRefusedAndNothingIsStored() {
        seats.lease(admin, 2);
        for (String agent : new String[] {"ann", "bob"}) {
            acd.execute(tenant.id(), new AcdCommand.UpsertAgent(new AgentProfile(agent, Skills.NONE, Set.of(), Map.of())));
            acd.execute(tenant.id(), new AcdCommand.SetPresence(agent, AgentState.AVAILABLE, null));
        }

        assertFails(() -> seats.lease(admin, 1), ErrorKind.CONFLICT, "seats-in-use");
        assertThat(store.tenants().find(tenant.id()).orElseThrow().seatsLeased()).isEqualTo(2);
        assertThat(acd.snapshot(tenant.id()).orElseThrow().seatsLeased()).isEqualTo(2);
        assertThat(seats.lease(admin, 4)).isEqualTo(new SeatService.Seats(4, 2));
    }

    @Test
    void theAcdLearnsTheStoredLeaseBeforeAnyoneLogsIn() {
        assertThat(acd.snapshot(tenant.id())).as("a new tenant has no routing state yet").isEmpty();
        seats.sync(tenant.id());
        assertThat(acd.snapshot(tenant.id()).orElseThrow().seatsLeased()).isEqualTo(tenant.seatsLeased());
        acd.execute(tenant.id(), new AcdCommand.UpsertAgent(new AgentProfile("ann", Skills.NONE, Set.of(), Map.of())));
        acd.execute(tenant.id(), new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        assertThat(seats.get(admin)).isEqualTo(new SeatService.Seats(tenant.seatsLeased(), 1));
    }

    @Test
    void rolesAndValuesAreChecked() {
        Caller supervisor = new Caller(tenant.id(), "u2", Caller.Kind.USER, Set.of(Role.SUPERVISOR));
        Caller agent = new Caller(tenant.id(), "u3", Caller.Kind.USER, Set.of(Role.AGENT));
        assertThat(seats.get(supervisor).leased()).isEqualTo(tenant.seatsLeased());
        assertFails(() -> seats.get(agent), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> seats.lease(supervisor, 9), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> seats.lease(admin, -1), ErrorKind.INVALID_INPUT, "invalid-seats");
        assertFails(() -> seats.lease(admin, 10_001), ErrorKind.INVALID_INPUT, "invalid-seats");
        assertFails(() -> seats.lease(admin, null), ErrorKind.INVALID_INPUT, "invalid-seats");
    }
}
