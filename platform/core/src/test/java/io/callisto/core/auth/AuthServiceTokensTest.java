package io.callisto.core.auth;

import static io.callisto.core.auth.AuthFixture.NOW;
import static io.callisto.core.auth.AuthFixture.tampered;
import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Refresh-token rotation, reuse detection and sign-out. */
class AuthServiceTokensTest {
    private static final String EMAIL = "ann@acme.test";
    private static final String PASSWORD = "Correct-Horse-9";

    private final AuthFixture fx = new AuthFixture();
    private final TenantId tenant = fx.tenant(TenantStatus.ACTIVE);
    private final User ann = fx.user(tenant, EMAIL, PASSWORD, Role.AGENT);

    private TokenPair signIn() {
        return fx.auth.signIn(EMAIL, PASSWORD, null);
    }

    private void assertRefreshFails(String token) {
        assertFails(() -> fx.auth.refresh(token), ErrorKind.UNAUTHENTICATED, "invalid-refresh-token");
    }

    @Test
    void refreshRotatesTheTokenWithinItsFamily() {
        TokenPair first = signIn();
        fx.clock.advance(Duration.ofMinutes(20));
        TokenPair second = fx.auth.refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.userId()).isEqualTo(ann.id());
        assertThat(second.tenantId()).isEqualTo(tenant);
        assertThat(fx.accessTokens.verify(second.accessToken()).orElseThrow().principalId()).isEqualTo(ann.id().value());

        RefreshToken old = fx.stored(first.refreshToken());
        RefreshToken rotated = fx.stored(second.refreshToken());
        assertThat(old.revokedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        assertThat(rotated.isRevoked()).isFalse();
        assertThat(rotated.familyId()).isEqualTo(old.familyId());
        assertThat(rotated.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)).plus(AuthFixture.REFRESH_TTL));

        assertThat(fx.auth.refresh(second.refreshToken()).userId()).isEqualTo(ann.id());
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        TokenPair first = signIn();
        TokenPair second = fx.auth.refresh(first.refreshToken());

        assertRefreshFails(first.refreshToken());
        assertThat(fx.stored(second.refreshToken()).isRevoked()).isTrue();
        assertRefreshFails(second.refreshToken());
    }

    @Test
    void reuseDoesNotEndOtherSessions() {
        TokenPair phone = signIn();
        TokenPair laptop = signIn();
        assertThat(fx.stored(phone.refreshToken()).familyId()).isNotEqualTo(fx.stored(laptop.refreshToken()).familyId());
        fx.auth.refresh(phone.refreshToken());
        assertRefreshFails(phone.refreshToken());

        assertThat(fx.auth.refresh(laptop.refreshToken()).userId()).isEqualTo(ann.id());
    }

    @Test
    void anExpiredRefreshTokenIsRejected() {
        TokenPair pair = signIn();
        fx.clock.advance(AuthFixture.REFRESH_TTL);
        assertFails(() -> fx.auth.refresh(pair.refreshToken()), ErrorKind.UNAUTHENTICATED, "refresh-token-expired");
        assertThat(fx.stored(pair.refreshToken()).isRevoked()).isFalse();
    }

    @Test
    void issuingTokensDeletesTheTenantsExpiredOnes() {
        TokenPair old = signIn();
        String oldId = SecretToken.parse("rt", old.refreshToken()).orElseThrow().id();
        fx.clock.advance(AuthFixture.REFRESH_TTL.plusSeconds(1));

        TokenPair fresh = signIn();

        assertThat(fx.store.refreshTokens().find(tenant, oldId)).isEmpty();
        assertThat(fx.stored(fresh.refreshToken()).isRevoked()).isFalse();
    }

    @Test
    void aRefreshTokenWorksUntilJustBeforeItExpires() {
        TokenPair pair = signIn();
        fx.clock.advance(AuthFixture.REFRESH_TTL.minusSeconds(1));
        assertThat(fx.auth.refresh(pair.refreshToken()).userId()).isEqualTo(ann.id());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "rt.t.r.short", "ck.tacme.k1.ssssssssssssssssssssssssssssssssssssssssssss"})
    void aMalformedRefreshTokenIsInvalid(String presented) {
        assertRefreshFails(presented);
    }

    @Test
    void aTamperedOrUnknownRefreshTokenIsInvalid() {
        TokenPair pair = signIn();
        assertRefreshFails(tampered(pair.refreshToken()));
        assertRefreshFails(SecretToken.generate(AuthService.REFRESH_KIND, tenant, "r-unknown").value());
        assertThat(fx.stored(pair.refreshToken()).isRevoked()).isFalse();
        assertThat(fx.auth.refresh(pair.refreshToken()).userId()).isEqualTo(ann.id());
    }

    @Test
    void refreshAppliesTheTenantStatusRules() {
        TokenPair pair = signIn();
        fx.setStatus(tenant, TenantStatus.SUSPENDED);
        assertFails(() -> fx.auth.refresh(pair.refreshToken()), ErrorKind.FORBIDDEN, "tenant-suspended");
    }

    @Test
    void refreshFailsForADeletedUser() {
        TokenPair pair = signIn();
        fx.store.runInTenant(tenant, () -> fx.store.users().delete(tenant, ann.id()));
        assertRefreshFails(pair.refreshToken());
    }

    @Test
    void signOutRevokesTheFamily() {
        TokenPair first = signIn();
        TokenPair second = fx.auth.refresh(first.refreshToken());
        TokenPair otherSession = signIn();

        fx.auth.signOut(second.refreshToken());

        assertThat(fx.stored(second.refreshToken()).isRevoked()).isTrue();
        assertRefreshFails(second.refreshToken());
        assertThat(fx.auth.refresh(otherSession.refreshToken()).userId()).isEqualTo(ann.id());
    }

    @Test
    void signOutWithAnOlderTokenOfTheFamilyRevokesTheCurrentOne() {
        TokenPair first = signIn();
        TokenPair second = fx.auth.refresh(first.refreshToken());
        fx.auth.signOut(first.refreshToken());
        assertThat(fx.stored(second.refreshToken()).isRevoked()).isTrue();
    }

    @Test
    void signOutIgnoresGarbageAndForgeries() {
        TokenPair pair = signIn();
        assertThatCode(() -> {
            fx.auth.signOut(null);
            fx.auth.signOut("");
            fx.auth.signOut("garbage");
            fx.auth.signOut(tampered(pair.refreshToken()));
            fx.auth.signOut(SecretToken.generate(AuthService.REFRESH_KIND, tenant, "r-unknown").value());
        }).doesNotThrowAnyException();
        assertThat(fx.stored(pair.refreshToken()).isRevoked()).isFalse();
    }
}
