package io.callisto.core.auth;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.user.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final TenantId TENANT = new TenantId("tacme");

    private static Caller user(Role... roles) {
        return new Caller(TENANT, "u1", Caller.Kind.USER, Set.of(roles));
    }

    @Test
    void requireAnyRolePassesWithOneOfTheRoles() {
        assertThatCode(() -> user(Role.SUPERVISOR).requireAnyRole(Role.ADMIN, Role.SUPERVISOR))
                .doesNotThrowAnyException();
        assertThatCode(() -> user(Role.ADMIN, Role.AGENT).requireAnyRole(Role.AGENT)).doesNotThrowAnyException();
    }

    @Test
    void requireAnyRoleFailsWithForbiddenNamingTheRoles() {
        CallistoException e = assertFails(() -> user(Role.AGENT).requireAnyRole(Role.ADMIN, Role.SUPERVISOR),
                ErrorKind.FORBIDDEN, "role-required");
        assertThat(e.detail()).contains("ADMIN or SUPERVISOR");
    }

    @Test
    void aCallerWithoutRolesHasNoRole() {
        Caller none = new Caller(TENANT, "u1", Caller.Kind.USER, Set.of());
        assertFails(() -> none.requireAnyRole(Role.AGENT), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> user(Role.ADMIN).requireAnyRole(), ErrorKind.FORBIDDEN, "role-required");
    }

    @Test
    void isUserOnlyForASignedInPersonWithThatId() {
        assertThat(user(Role.AGENT).isUser("u1")).isTrue();
        assertThat(user(Role.AGENT).isUser("u2")).isFalse();
        Caller key = new Caller(TENANT, "u1", Caller.Kind.API_KEY, Set.of(Role.AGENT));
        assertThat(key.isUser("u1")).isFalse();
    }

    @Test
    void rolesAreAnImmutableCopy() {
        EnumSet<Role> roles = EnumSet.of(Role.AGENT);
        Caller caller = new Caller(TENANT, "u1", Caller.Kind.USER, roles);
        roles.add(Role.ADMIN);
        assertThat(caller.roles()).containsExactly(Role.AGENT);
        assertThatThrownBy(() -> caller.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }
}
