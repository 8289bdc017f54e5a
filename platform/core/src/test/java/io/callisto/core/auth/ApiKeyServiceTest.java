package io.callisto.core.auth;

import static io.callisto.core.auth.AuthFixture.NOW;
import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.testing.StoreContents;
import io.callisto.core.user.Role;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyServiceTest {
    private final AuthFixture fx = new AuthFixture();
    private final ApiKeyService service = fx.apiKeys;
    private final TenantId tenant = fx.tenant(TenantStatus.ACTIVE);
    private final TenantId otherTenant = fx.tenant(TenantStatus.ACTIVE);
    private final Caller admin = new Caller(tenant, "u-admin", Caller.Kind.USER, Set.of(Role.ADMIN));
    private final Caller otherAdmin = new Caller(otherTenant, "u-other", Caller.Kind.USER, Set.of(Role.ADMIN));

    private static Caller apiKeyCaller(TenantId tenant, Role... roles) {
        return new Caller(tenant, "k-caller", Caller.Kind.API_KEY, Set.of(roles));
    }

    @Test
    void createStoresTheKeyWithDefaultAdminRole() {
        ApiKeyService.Created created = service.create(admin, "  CRM sync  ", null);

        ApiKey key = created.key();
        assertThat(key.tenantId()).isEqualTo(tenant);
        assertThat(key.name()).isEqualTo("CRM sync");
        assertThat(key.roles()).containsExactly(Role.ADMIN);
        assertThat(key.createdBy()).isEqualTo("u-admin");
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(key.id()).startsWith("k").hasSize(17);
        assertThat(service.get(admin, key.id())).isEqualTo(key);
    }

    @Test
    void onlyTheHashOfThePlaintextIsStored() {
        ApiKeyService.Created created = service.create(admin, "crm", Set.of(Role.AGENT));

        SecretToken token = SecretToken.parse("ck", created.plaintext()).orElseThrow();
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.id()).isEqualTo(created.key().id());
        ApiKey stored = service.get(admin, created.key().id());
        assertThat(stored.keyHash()).isEqualTo(SecretToken.sha256(created.plaintext()));
        assertThat(token.matchesHash(stored.keyHash())).isTrue();
        assertThat(stored.toString()).doesNotContain(token.secret());
        assertThat(created.toString()).isEqualTo("Created[" + created.key().id() + "]");
    }

    @Test
    void everyKeyGetsItsOwnIdAndSecret() {
        ApiKeyService.Created a = service.create(admin, "a", null);
        ApiKeyService.Created b = service.create(admin, "a", null);
        assertThat(a.key().id()).isNotEqualTo(b.key().id());
        assertThat(a.plaintext()).isNotEqualTo(b.plaintext());
        assertThat(a.key().keyHash()).isNotEqualTo(b.key().keyHash());
    }

    static Stream<Arguments> nonAdmins() {
        return Stream.of(
                Arguments.of(Caller.Kind.USER, Set.of(Role.SUPERVISOR)),
                Arguments.of(Caller.Kind.USER, Set.of(Role.AGENT, Role.SUPERVISOR)),
                Arguments.of(Caller.Kind.USER, Set.of()),
                Arguments.of(Caller.Kind.API_KEY, Set.of(Role.AGENT)));
    }

    @ParameterizedTest
    @MethodSource("nonAdmins")
    void everyOperationNeedsTheAdminRole(Caller.Kind kind, Set<Role> roles) {
        Caller caller = new Caller(tenant, "p1", kind, roles);
        String existing = service.create(admin, "crm", null).key().id();

        assertForbidden(() -> service.create(caller, "crm", Set.of(Role.AGENT)));
        assertForbidden(() -> service.list(caller, PageRequest.first(10)));
        assertForbidden(() -> service.get(caller, existing));
        assertForbidden(() -> service.revoke(caller, existing));
        assertThat(StoreContents.apiKeys(fx.store)).isEqualTo(1);
    }

    @Test
    void validatesNameAndRoles() {
        assertThat(invalidFields(() -> service.create(admin, null, null))).containsExactly("name");
        assertThat(invalidFields(() -> service.create(admin, "", null))).containsExactly("name");
        assertThat(invalidFields(() -> service.create(admin, "   ", null))).containsExactly("name");
        assertThat(invalidFields(() -> service.create(admin, "n".repeat(101), null))).containsExactly("name");
        assertThat(invalidFields(() -> service.create(admin, "crm", Set.of()))).containsExactly("roles");
        assertThat(invalidFields(() -> service.create(admin, " ", Set.of()))).containsExactly("name", "roles");
        assertThat(StoreContents.apiKeys(fx.store)).isZero();
        assertThat(service.create(admin, "n".repeat(100), null).key().name()).hasSize(100);
    }

    @Test
    void anApiKeyCannotCreateAKeyWithMoreRolesThanItsOwn() {
        Caller key = apiKeyCaller(tenant, Role.ADMIN);
        assertFails(() -> service.create(key, "more", Set.of(Role.ADMIN, Role.SUPERVISOR)), ErrorKind.FORBIDDEN,
                "role-escalation");
        assertFails(() -> service.create(key, "other", Set.of(Role.AGENT)), ErrorKind.FORBIDDEN, "role-escalation");
        assertThat(StoreContents.apiKeys(fx.store)).isZero();

        assertThat(service.create(key, "same", Set.of(Role.ADMIN)).key().roles()).containsExactly(Role.ADMIN);
        assertThat(service.create(key, "default", null).key().createdBy()).isEqualTo("k-caller");
        Caller wide = apiKeyCaller(tenant, Role.ADMIN, Role.AGENT);
        assertThat(service.create(wide, "narrower", Set.of(Role.AGENT)).key().roles()).containsExactly(Role.AGENT);
    }

    @Test
    void aSignedInAdminMayGrantAnyRoles() {
        Set<Role> all = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT);
        assertThat(service.create(admin, "all", all).key().roles()).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void listShowsOnlyTheCallersTenant() {
        ApiKey a = service.create(admin, "a", null).key();
        ApiKey b = service.create(admin, "b", null).key();
        ApiKey foreign = service.create(otherAdmin, "foreign", null).key();

        assertThat(service.list(admin, PageRequest.first(10)).items()).containsExactlyInAnyOrder(a, b);
        assertThat(service.list(otherAdmin, PageRequest.first(10)).items()).containsExactly(foreign);
        Page<ApiKey> first = service.list(admin, PageRequest.first(1));
        assertThat(first.items()).hasSize(1);
        assertThat(first.next()).isNotNull();
        Page<ApiKey> second = service.list(admin, new PageRequest(1, first.next()));
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(second.next()).isNull();
    }

    @Test
    void getAndRevokeAreScopedToTheCallersTenant() {
        ApiKey foreign = service.create(otherAdmin, "foreign", null).key();

        assertFails(() -> service.get(admin, foreign.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.revoke(admin, foreign.id()), ErrorKind.NOT_FOUND, "not-found");
        assertThat(service.get(otherAdmin, foreign.id())).isEqualTo(foreign);
    }

    @Test
    void revokeDeletesTheKeyOnce() {
        ApiKey key = service.create(admin, "crm", null).key();
        assertThatCode(() -> service.revoke(admin, key.id())).doesNotThrowAnyException();
        assertFails(() -> service.get(admin, key.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.revoke(admin, key.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> service.get(admin, "k-unknown"), ErrorKind.NOT_FOUND, "not-found");
    }

    private static void assertForbidden(ThrowingCallable call) {
        assertFails(call, ErrorKind.FORBIDDEN, "role-required");
    }
}
