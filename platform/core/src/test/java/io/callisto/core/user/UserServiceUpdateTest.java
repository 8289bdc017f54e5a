package io.callisto.core.user;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static io.callisto.core.user.UserFixture.NOW;
import static io.callisto.core.user.UserFixture.callerOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.UserId;
import io.callisto.core.user.UserService.UserChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Updating users: who may change what, email uniqueness, token revocation and the last admin. */
class UserServiceUpdateTest {
    private static final Instant LATER = NOW.plus(Duration.ofHours(2));
    private static final String NEW_PASSWORD = "New-Horse-77";

    private final UserFixture fx = new UserFixture();
    private final UserService service = fx.service;
    private final Caller admin = callerOf(fx.admin);
    private final Caller agent = callerOf(fx.agent);

    UserServiceUpdateTest() {
        fx.clock.advance(Duration.ofHours(2));
    }

    @Test
    void aUserChangesTheirOwnNameAndPassword() {
        User updated = service.update(agent, fx.agent.id(),
                new UserChanges(null, "  Alvaro B ", NEW_PASSWORD, null, UserFixture.PASSWORD));

        assertThat(updated.name()).isEqualTo("Alvaro B");
        assertThat(updated.passwordHash()).isEqualTo("hash:" + NEW_PASSWORD);
        assertThat(updated.email()).isEqualTo(fx.agent.email());
        assertThat(updated.roles()).containsExactly(Role.AGENT);
        assertThat(updated.createdAt()).isEqualTo(NOW);
        assertThat(updated.updatedAt()).isEqualTo(LATER);
        assertThat(fx.stored(fx.agent)).isEqualTo(updated);
    }

    @Test
    void aUserMayNotChangeTheirOwnRolesOrEmail() {
        assertFails(() -> service.update(agent, fx.agent.id(), new UserChanges(null, null, null, Set.of(Role.ADMIN))),
                ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> service.update(agent, fx.agent.id(), new UserChanges("al@acme.test", null, null, null)),
                ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> service.update(agent, fx.agent.id(), new UserChanges(null, "New", null, Set.of(Role.AGENT))),
                ErrorKind.FORBIDDEN, "role-required");
        assertThat(fx.stored(fx.agent)).isEqualTo(fx.agent);
    }

    @Test
    void nonAdminsMayNotUpdateOthers() {
        UserChanges rename = new UserChanges(null, "Renamed", null, null);
        assertFails(() -> service.update(agent, fx.supervisor.id(), rename), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> service.update(callerOf(fx.supervisor), fx.agent.id(), rename), ErrorKind.FORBIDDEN,
                "role-required");
        assertThat(fx.stored(fx.agent)).isEqualTo(fx.agent);
        assertThat(fx.stored(fx.supervisor)).isEqualTo(fx.supervisor);
    }

    @Test
    void anAdminChangesEverything() {
        User updated = service.update(admin, fx.agent.id(),
                new UserChanges(" Al.New@ACME.test ", "Al New", NEW_PASSWORD, Set.of(Role.SUPERVISOR, Role.AGENT)));

        assertThat(updated.email()).isEqualTo("al.new@acme.test");
        assertThat(updated.name()).isEqualTo("Al New");
        assertThat(updated.passwordHash()).isEqualTo("hash:" + NEW_PASSWORD);
        assertThat(updated.roles()).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.AGENT);
        assertThat(updated.id()).isEqualTo(fx.agent.id());
        assertThat(fx.stored(fx.agent)).isEqualTo(updated);
        assertThat(fx.store.users().findByEmail(fx.tenant, "alvaro@acme.test")).isEmpty();
    }

    @Test
    void anAdminMayChangeTheirOwnRolesWhileAnotherAdminRemains() {
        fx.insert(fx.tenant, "second@acme.test", Role.ADMIN);
        User updated = service.update(admin, fx.admin.id(), new UserChanges(null, null, null, Set.of(Role.SUPERVISOR)));
        assertThat(updated.roles()).containsExactly(Role.SUPERVISOR);
    }

    @Test
    void aChangedEmailMustNotBelongToAnotherUserOfTheTenant() {
        assertFails(() -> service.update(admin, fx.agent.id(), new UserChanges("SUE@acme.test", null, null, null)),
                ErrorKind.CONFLICT, "duplicate-email");
        assertThat(fx.stored(fx.agent)).isEqualTo(fx.agent);

        User sameInOtherCase = service.update(admin, fx.agent.id(), new UserChanges("ALVARO@ACME.TEST", null, null, null));
        assertThat(sameInOtherCase.email()).isEqualTo("alvaro@acme.test");
        User takenElsewhere = service.update(admin, fx.agent.id(), new UserChanges("fred@other.test", null, null, null));
        assertThat(takenElsewhere.email()).isEqualTo("fred@other.test");
    }

    @Test
    void aPasswordChangeRevokesTheUsersRefreshTokens() {
        String first = fx.refreshTokenOf(fx.agent);
        String second = fx.refreshTokenOf(fx.agent);
        String others = fx.refreshTokenOf(fx.supervisor);

        service.update(agent, fx.agent.id(), new UserChanges(null, null, NEW_PASSWORD, null, UserFixture.PASSWORD));

        assertThat(fx.revokedAt(fx.agent, first)).isEqualTo(LATER);
        assertThat(fx.revokedAt(fx.agent, second)).isEqualTo(LATER);
        assertThat(fx.revokedAt(fx.supervisor, others)).isNull();
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOne() {
        assertThat(invalidFields(() -> service.update(agent, fx.agent.id(),
                new UserChanges(null, null, NEW_PASSWORD, null)))).containsExactly("currentPassword");
        assertFails(() -> service.update(agent, fx.agent.id(), new UserChanges(null, null, NEW_PASSWORD, null,
                "Not-The-Password-1")), ErrorKind.FORBIDDEN, "wrong-current-password");
        assertThat(fx.stored(fx.agent).passwordHash()).isEqualTo("hash:" + UserFixture.PASSWORD);
    }

    @Test
    void anAdminResetsAnotherUsersPasswordWithoutTheirs() {
        User reset = service.update(admin, fx.agent.id(), new UserChanges(null, null, NEW_PASSWORD, null));
        assertThat(reset.passwordHash()).isEqualTo("hash:" + NEW_PASSWORD);
    }

    @Test
    void otherChangesKeepTheRefreshTokens() {
        String token = fx.refreshTokenOf(fx.agent);
        service.update(admin, fx.agent.id(), new UserChanges("al2@acme.test", "Al", null, Set.of(Role.SUPERVISOR)));
        assertThat(fx.revokedAt(fx.agent, token)).isNull();
    }

    @Test
    void theLastAdminKeepsTheAdminRole() {
        String token = fx.refreshTokenOf(fx.admin);
        assertFails(() -> service.update(admin, fx.admin.id(),
                        new UserChanges(null, null, "Other-Horse-1", Set.of(Role.SUPERVISOR, Role.AGENT),
                                UserFixture.PASSWORD)),
                ErrorKind.CONFLICT, "last-admin");

        assertThat(fx.stored(fx.admin)).isEqualTo(fx.admin);
        assertThat(fx.revokedAt(fx.admin, token)).isNull();
        User kept = service.update(admin, fx.admin.id(), new UserChanges(null, null, null, Set.of(Role.ADMIN, Role.AGENT)));
        assertThat(kept.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.AGENT);
    }

    @Test
    void updateValidatesTheChangedFields() {
        assertThat(invalidFields(() -> service.update(admin, fx.agent.id(), new UserChanges("nope", null, null, null))))
                .containsExactly("email");
        assertThat(invalidFields(() -> service.update(agent, fx.agent.id(), new UserChanges(null, " ", null, null))))
                .containsExactly("name");
        assertThat(invalidFields(() -> service.update(agent, fx.agent.id(),
                new UserChanges(null, "n".repeat(201), null, null)))).containsExactly("name");
        assertThat(invalidFields(() -> service.update(admin, fx.agent.id(), new UserChanges(null, null, null, Set.of()))))
                .containsExactly("roles");
        assertThat(invalidFields(() -> service.update(agent, fx.agent.id(), new UserChanges(null, null, "weak", null))))
                .containsExactly("password");
        assertThat(invalidFields(() -> service.update(admin, fx.agent.id(), new UserChanges("x", "", "weak", Set.of()))))
                .containsExactly("email", "name", "roles", "password");
        assertThat(fx.stored(fx.agent)).isEqualTo(fx.agent);
    }

    @Test
    void aNewPasswordMustNotContainTheCurrentOrNewEmail() {
        assertThat(invalidFields(() -> service.update(agent, fx.agent.id(),
                new UserChanges(null, null, "Alvaro-Horse-1", null)))).containsExactly("password");
        assertThat(invalidFields(() -> service.update(admin, fx.agent.id(),
                new UserChanges("zebra@acme.test", null, "Zebra-Horse-1", null)))).containsExactly("password");
        assertThat(fx.stored(fx.agent)).isEqualTo(fx.agent);
    }

    @Test
    void updatingAnUnknownOrForeignUserIsNotFound() {
        UserChanges rename = new UserChanges(null, "Renamed", null, null);
        assertFails(() -> service.update(admin, fx.foreigner.id(), rename), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.update(admin, new UserId("u-unknown"), rename), ErrorKind.NOT_FOUND, "not-found");
        assertThat(fx.stored(fx.foreigner)).isEqualTo(fx.foreigner);
    }
}
