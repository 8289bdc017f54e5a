package io.callisto.core.user;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static io.callisto.core.user.UserFixture.NOW;
import static io.callisto.core.user.UserFixture.PASSWORD;
import static io.callisto.core.user.UserFixture.callerOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.StoreContents;
import io.callisto.core.user.UserService.NewUser;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Creating, listing, reading and deleting users. */
class UserServiceTest {
    private final UserFixture fx = new UserFixture();
    private final UserService service = fx.service;
    private final Caller admin = callerOf(fx.admin);

    @Test
    void anAdminCreatesAUser() {
        fx.clock.advance(Duration.ofHours(1));
        User created = service.create(admin, new NewUser(" Bob@Acme.Test ", "  Bob Builder ", PASSWORD,
                Set.of(Role.AGENT, Role.SUPERVISOR)));

        assertThat(created.tenantId()).isEqualTo(fx.tenant);
        assertThat(created.email()).isEqualTo("bob@acme.test");
        assertThat(created.name()).isEqualTo("Bob Builder");
        assertThat(created.passwordHash()).isEqualTo("hash:" + PASSWORD);
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(created.createdAt()).isEqualTo(NOW.plus(Duration.ofHours(1))).isEqualTo(created.updatedAt());
        assertThat(fx.stored(created)).isEqualTo(created);
    }

    @Test
    void theNameDefaultsToTheEmailsLocalPart() {
        User created = service.create(admin, new NewUser("bob.b@acme.test", null, PASSWORD, Set.of(Role.AGENT)));
        assertThat(created.name()).isEqualTo("bob.b");
    }

    @Test
    void theDefaultNameComesFromTheNormalizedEmail() {
        User created = service.create(admin, new NewUser(" Bob@Acme.test", null, PASSWORD, Set.of(Role.AGENT)));
        assertThat(created.name()).isEqualTo("bob");
        assertThat(created.email()).isEqualTo("bob@acme.test");
    }

    @Test
    void onlyAdminsCreateUsers() {
        NewUser bob = new NewUser("bob@acme.test", "Bob", PASSWORD, Set.of(Role.AGENT));
        assertFails(() -> service.create(callerOf(fx.supervisor), bob), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> service.create(callerOf(fx.agent), bob), ErrorKind.FORBIDDEN, "role-required");
        assertThat(StoreContents.users(fx.store)).isEqualTo(4);
    }

    static Stream<Arguments> invalidNewUsers() {
        Set<Role> agent = Set.of(Role.AGENT);
        return Stream.of(
                Arguments.of(new NewUser(null, "Bob", PASSWORD, agent), "email"),
                Arguments.of(new NewUser("bob", "Bob", PASSWORD, agent), "email"),
                Arguments.of(new NewUser("bob@acme", "Bob", PASSWORD, agent), "email"),
                Arguments.of(new NewUser("bob@acme.test", "", PASSWORD, agent), "name"),
                Arguments.of(new NewUser("bob@acme.test", "   ", PASSWORD, agent), "name"),
                Arguments.of(new NewUser("bob@acme.test", "n".repeat(201), PASSWORD, agent), "name"),
                Arguments.of(new NewUser("bob@acme.test", "Bob", PASSWORD, null), "roles"),
                Arguments.of(new NewUser("bob@acme.test", "Bob", PASSWORD, Set.of()), "roles"),
                Arguments.of(new NewUser("bob@acme.test", "Bob", null, agent), "password"),
                Arguments.of(new NewUser("bob@acme.test", "Bob", "Short-1", agent), "password"),
                Arguments.of(new NewUser("bob@acme.test", "Bob", "password123", agent), "password"),
                Arguments.of(new NewUser("bobby@acme.test", "Bob", "Bobby-Horse-9", agent), "password"));
    }

    @ParameterizedTest
    @MethodSource("invalidNewUsers")
    void createRejectsInvalidInput(NewUser input, String field) {
        assertThat(invalidFields(() -> service.create(admin, input))).containsExactly(field);
        assertThat(StoreContents.users(fx.store)).isEqualTo(4);
    }

    @Test
    void createReportsEveryInvalidFieldAtOnce() {
        NewUser bad = new NewUser("nope", "", "weak", Set.of());
        assertThat(invalidFields(() -> service.create(admin, bad))).containsExactly("email", "name", "roles", "password");
    }

    @Test
    void createAcceptsA200CharacterName() {
        NewUser bob = new NewUser("bob@acme.test", "n".repeat(200), PASSWORD, Set.of(Role.AGENT));
        assertThat(service.create(admin, bob).name()).hasSize(200);
    }

    @Test
    void anEmailIsUniqueWithinATenantInAnyCase() {
        NewUser again = new NewUser("ALVARO@acme.test", "Alvaro Two", PASSWORD, Set.of(Role.AGENT));
        assertFails(() -> service.create(admin, again), ErrorKind.CONFLICT, "duplicate-email");
        assertThat(StoreContents.users(fx.store)).isEqualTo(4);
    }

    @Test
    void theSameEmailMayExistInAnotherTenant() {
        User copy = service.create(callerOf(fx.foreigner), new NewUser("alvaro@acme.test", null, PASSWORD,
                Set.of(Role.AGENT)));
        assertThat(copy.tenantId()).isEqualTo(fx.otherTenant);
        assertThat(fx.store.users().tenantsWithEmail("alvaro@acme.test"))
                .containsExactlyInAnyOrder(fx.tenant, fx.otherTenant);
    }

    @Test
    void adminsAndSupervisorsListTheirTenantsUsers() {
        Page<User> byAdmin = service.list(admin, PageRequest.first(10));
        assertThat(byAdmin.items()).containsExactlyInAnyOrder(fx.admin, fx.supervisor, fx.agent);
        assertThat(byAdmin.next()).isNull();
        assertThat(service.list(callerOf(fx.supervisor), PageRequest.first(10)).items()).hasSize(3);
        assertThat(service.list(callerOf(fx.foreigner), PageRequest.first(10)).items()).containsExactly(fx.foreigner);
        assertThat(service.list(admin, PageRequest.first(2)).next()).isNotNull();
    }

    @Test
    void agentsMayNotList() {
        assertFails(() -> service.list(callerOf(fx.agent), PageRequest.first(10)), ErrorKind.FORBIDDEN,
                "role-required");
    }

    @Test
    void everyoneMayReadThemselves() {
        assertThat(service.get(callerOf(fx.agent), fx.agent.id())).isEqualTo(fx.agent);
        assertThat(service.get(callerOf(fx.supervisor), fx.supervisor.id())).isEqualTo(fx.supervisor);
    }

    @Test
    void readingOthersNeedsAdminOrSupervisor() {
        assertThat(service.get(admin, fx.agent.id())).isEqualTo(fx.agent);
        assertThat(service.get(callerOf(fx.supervisor), fx.admin.id())).isEqualTo(fx.admin);
        assertFails(() -> service.get(callerOf(fx.agent), fx.supervisor.id()), ErrorKind.FORBIDDEN, "role-required");
    }

    @Test
    void anApiKeyWithAUsersIdIsNotThatUser() {
        Caller key = new Caller(fx.tenant, fx.agent.id().value(), Caller.Kind.API_KEY, Set.of(Role.AGENT));
        assertFails(() -> service.get(key, fx.agent.id()), ErrorKind.FORBIDDEN, "role-required");
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        assertFails(() -> service.get(admin, fx.foreigner.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.get(admin, new UserId("u-unknown")), ErrorKind.NOT_FOUND, "not-found");
    }

    @Test
    void deleteRemovesTheUserAndRevokesTheirRefreshTokens() {
        String agentToken = fx.refreshTokenOf(fx.agent);
        String supervisorToken = fx.refreshTokenOf(fx.supervisor);
        fx.clock.advance(Duration.ofMinutes(7));

        service.delete(admin, fx.agent.id());

        assertThat(fx.exists(fx.agent)).isFalse();
        assertThat(fx.revokedAt(fx.agent, agentToken)).isEqualTo(NOW.plus(Duration.ofMinutes(7)));
        assertThat(fx.revokedAt(fx.supervisor, supervisorToken)).isNull();
        assertFails(() -> service.get(admin, fx.agent.id()), ErrorKind.NOT_FOUND, "not-found");
    }

    @Test
    void onlyAdminsDelete() {
        assertFails(() -> service.delete(callerOf(fx.supervisor), fx.agent.id()), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> service.delete(callerOf(fx.agent), fx.agent.id()), ErrorKind.FORBIDDEN, "role-required");
        assertThat(fx.exists(fx.agent)).isTrue();
    }

    @Test
    void theLastAdminCannotBeDeleted() {
        String token = fx.refreshTokenOf(fx.admin);
        assertFails(() -> service.delete(admin, fx.admin.id()), ErrorKind.CONFLICT, "last-admin");
        assertThat(fx.exists(fx.admin)).isTrue();
        assertThat(fx.revokedAt(fx.admin, token)).isNull();
    }

    @Test
    void anAdminMayBeDeletedWhileAnotherRemains() {
        User second = fx.insert(fx.tenant, "second@acme.test", Role.ADMIN, Role.AGENT);
        service.delete(admin, second.id());
        assertThat(fx.exists(second)).isFalse();
        assertFails(() -> service.delete(admin, fx.admin.id()), ErrorKind.CONFLICT, "last-admin");
    }

    @Test
    void deletingAnotherTenantsUserIsNotFound() {
        assertFails(() -> service.delete(admin, fx.foreigner.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.delete(admin, new UserId("u-unknown")), ErrorKind.NOT_FOUND, "not-found");
        assertThat(fx.exists(fx.foreigner)).isTrue();
    }
}
