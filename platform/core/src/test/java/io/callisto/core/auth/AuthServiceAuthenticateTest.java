package io.callisto.core.auth;

import static io.callisto.core.auth.AuthFixture.callerOf;
import static io.callisto.core.auth.AuthFixture.tampered;
import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolving a bearer credential (access token or API key) to a Caller. */
class AuthServiceAuthenticateTest {
    private static final String PASSWORD = "Correct-Horse-9";

    private final AuthFixture fx = new AuthFixture();
    private final TenantId tenant = fx.tenant(TenantStatus.ACTIVE);
    private final User admin = fx.user(tenant, "admin@acme.test", PASSWORD, Role.ADMIN);

    @Test
    void anAccessTokenResolvesToItsUser() {
        TokenPair pair = fx.auth.signIn("admin@acme.test", PASSWORD, null);
        assertThat(fx.auth.authenticate(pair.accessToken())).isEqualTo(callerOf(admin));
    }

    @Test
    void anApiKeyResolvesToAnApiKeyCallerWithTheKeysRoles() {
        ApiKeyService.Created created = fx.apiKeys.create(callerOf(admin), "crm-sync", Set.of(Role.SUPERVISOR, Role.AGENT));

        Caller caller = fx.auth.authenticate(created.plaintext());

        assertThat(caller.kind()).isEqualTo(Caller.Kind.API_KEY);
        assertThat(caller.tenantId()).isEqualTo(tenant);
        assertThat(caller.principalId()).isEqualTo(created.key().id());
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.AGENT);
    }

    @Test
    void aTamperedApiKeyIsInvalid() {
        ApiKeyService.Created created = fx.apiKeys.create(callerOf(admin), "crm-sync", null);
        assertFails(() -> fx.auth.authenticate(tampered(created.plaintext())), ErrorKind.UNAUTHENTICATED,
                "invalid-api-key");
    }

    @Test
    void aRevokedApiKeyIsInvalid() {
        ApiKeyService.Created created = fx.apiKeys.create(callerOf(admin), "crm-sync", null);
        fx.apiKeys.revoke(callerOf(admin), created.key().id());
        assertFails(() -> fx.auth.authenticate(created.plaintext()), ErrorKind.UNAUTHENTICATED, "invalid-api-key");
    }

    @Test
    void anApiKeyNamingAnotherTenantIsInvalid() {
        ApiKeyService.Created created = fx.apiKeys.create(callerOf(admin), "crm-sync", null);
        TenantId other = fx.tenant(TenantStatus.ACTIVE);
        SecretToken original = SecretToken.parse("ck", created.plaintext()).orElseThrow();
        String moved = new SecretToken("ck", other, original.id(), original.secret()).value();
        assertFails(() -> fx.auth.authenticate(moved), ErrorKind.UNAUTHENTICATED, "invalid-api-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ck.", "ck.garbage", "ck.tacme.k1.short"})
    void aMalformedApiKeyIsInvalid(String bearer) {
        assertFails(() -> fx.auth.authenticate(bearer), ErrorKind.UNAUTHENTICATED, "invalid-api-key");
    }

    @Test
    void anApiKeyOfACanceledTenantIsRefused() {
        ApiKeyService.Created created = fx.apiKeys.create(callerOf(admin), "crm-sync", null);
        fx.setStatus(tenant, TenantStatus.CANCELED);
        assertFails(() -> fx.auth.authenticate(created.plaintext()), ErrorKind.FORBIDDEN, "tenant-canceled");
    }

    @Test
    void whileAgentsMayNotWorkOnlyAdminKeysAct() {
        ApiKeyService.Created agentKey = fx.apiKeys.create(callerOf(admin), "dialer", Set.of(Role.AGENT));
        ApiKeyService.Created adminKey = fx.apiKeys.create(callerOf(admin), "billing-sync", null);
        fx.setStatus(tenant, TenantStatus.SUSPENDED);

        assertFails(() -> fx.auth.authenticate(agentKey.plaintext()), ErrorKind.FORBIDDEN, "tenant-suspended");
        assertThat(fx.auth.authenticate(adminKey.plaintext()).roles()).containsExactly(Role.ADMIN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingBearerNeedsCredentials(String bearer) {
        assertFails(() -> fx.auth.authenticate(bearer), ErrorKind.UNAUTHENTICATED, "credentials-required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "at-999-nobody", "rt.tacme.r1.ssssssssssssssssssssssssssssssssssssssss"})
    void anUnknownAccessTokenIsInvalid(String bearer) {
        assertFails(() -> fx.auth.authenticate(bearer), ErrorKind.UNAUTHENTICATED, "invalid-token");
    }
}
