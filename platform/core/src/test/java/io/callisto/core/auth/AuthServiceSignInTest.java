package io.callisto.core.auth;

import static io.callisto.core.auth.AuthFixture.NOW;
import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.error.RateLimitedException;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.testing.StoreContents;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AuthServiceSignInTest {
    private static final String EMAIL = "ann@acme.test";
    private static final String PASSWORD = "Correct-Horse-9";

    private final AuthFixture fx = new AuthFixture();
    private final TenantId tenant = fx.tenant(TenantStatus.ACTIVE);
    private final User ann = fx.user(tenant, EMAIL, PASSWORD, Role.SUPERVISOR, Role.AGENT);

    @Test
    void successReturnsTokensForTheUser() {
        TokenPair pair = fx.auth.signIn(EMAIL, PASSWORD, null);

        assertThat(pair.tenantId()).isEqualTo(tenant);
        assertThat(pair.userId()).isEqualTo(ann.id());
        assertThat(pair.roles()).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.AGENT);
        assertThat(pair.expiresInSeconds()).isEqualTo(FakeAccessTokens.TTL.toSeconds());
        assertThat(fx.accessTokens.verify(pair.accessToken())).contains(
                new Caller(tenant, ann.id().value(), Caller.Kind.USER, ann.roles()));

        RefreshToken stored = fx.stored(pair.refreshToken());
        assertThat(stored.tenantId()).isEqualTo(tenant);
        assertThat(stored.userId()).isEqualTo(ann.id());
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(AuthFixture.REFRESH_TTL));
        assertThat(stored.isRevoked()).isFalse();
        assertThat(stored.tokenHash()).isEqualTo(SecretToken.sha256(pair.refreshToken()));
        assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
    }

    @Test
    void emailIsMatchedTrimmedAndInAnyCase() {
        assertThat(fx.auth.signIn("  ANN@Acme.Test ", PASSWORD, null).userId()).isEqualTo(ann.id());
    }

    @Test
    void wrongPasswordAndUnknownEmailFailTheSameWay() {
        CallistoException wrong = assertFails(() -> fx.auth.signIn(EMAIL, "Wrong-Horse-9", null),
                ErrorKind.UNAUTHENTICATED, "invalid-credentials");
        CallistoException unknown = assertFails(() -> fx.auth.signIn("nobody@acme.test", PASSWORD, null),
                ErrorKind.UNAUTHENTICATED, "invalid-credentials");
        assertThat(unknown.detail()).isEqualTo(wrong.detail());
        assertThat(StoreContents.refreshTokens(fx.store)).isZero();
    }

    @Test
    void anUnknownEmailStillHashesSoTimingRevealsNothing() {
        int before = fx.hasher.matchCalls();
        assertFails(() -> fx.auth.signIn("nobody@acme.test", PASSWORD, null),
                ErrorKind.UNAUTHENTICATED, "invalid-credentials");
        assertThat(fx.hasher.matchCalls()).isEqualTo(before + 1);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertFails(() -> fx.auth.signIn(EMAIL, "Wrong-Horse-9", null), ErrorKind.UNAUTHENTICATED,
                    "invalid-credentials");
        }
        assertThat(rateLimited(EMAIL).retryAfter()).isEqualTo(Duration.ofMinutes(5));

        fx.clock.advance(Duration.ofMinutes(2));
        assertThat(rateLimited(EMAIL).retryAfter()).isEqualTo(Duration.ofMinutes(3));
        fx.clock.advance(Duration.ofMinutes(3));
        assertThat(fx.auth.signIn(EMAIL, PASSWORD, null).userId()).isEqualTo(ann.id());
    }

    @Test
    void unknownEmailsAreLockedOutToo() {
        for (int i = 0; i < 3; i++) {
            assertFails(() -> fx.auth.signIn("nobody@acme.test", PASSWORD, null), ErrorKind.UNAUTHENTICATED,
                    "invalid-credentials");
        }
        assertThat(rateLimited("nobody@acme.test").retryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failuresCountPerNormalizedEmail() {
        fx.auth.signIn(EMAIL, PASSWORD, null);
        assertFails(() -> fx.auth.signIn("ANN@acme.test", "Wrong-1-Horse", null), ErrorKind.UNAUTHENTICATED,
                "invalid-credentials");
        assertFails(() -> fx.auth.signIn(" Ann@Acme.Test", "Wrong-2-Horse", null), ErrorKind.UNAUTHENTICATED,
                "invalid-credentials");
        assertFails(() -> fx.auth.signIn(EMAIL, "Wrong-3-Horse", null), ErrorKind.UNAUTHENTICATED,
                "invalid-credentials");
        assertThat(rateLimited(EMAIL).retryAfter()).isEqualTo(Duration.ofMinutes(5));
        fx.user(tenant, "bob@acme.test", PASSWORD, Role.AGENT);
        assertThat(fx.auth.signIn("bob@acme.test", PASSWORD, null).tenantId()).isEqualTo(tenant);
    }

    @Test
    void successResetsTheFailureCount() {
        signInWrong(2);
        fx.auth.signIn(EMAIL, PASSWORD, null);
        signInWrong(2);
        assertThat(fx.auth.signIn(EMAIL, PASSWORD, null).userId()).isEqualTo(ann.id());
    }

    @Test
    void anEmailInTwoTenantsNeedsTheTenantHint() {
        TenantId other = fx.tenant(TenantStatus.ACTIVE);
        User ann2 = fx.user(other, EMAIL, "Other-Horse-7", Role.ADMIN);

        assertFails(() -> fx.auth.signIn(EMAIL, PASSWORD, null), ErrorKind.INVALID_INPUT, "tenant-required");
        TokenPair first = fx.auth.signIn(EMAIL, PASSWORD, tenant);
        assertThat(first.tenantId()).isEqualTo(tenant);
        assertThat(first.userId()).isEqualTo(ann.id());
        TokenPair second = fx.auth.signIn(EMAIL, "Other-Horse-7", other);
        assertThat(second.tenantId()).isEqualTo(other);
        assertThat(second.userId()).isEqualTo(ann2.id());
        assertThat(fx.accessTokens.verify(second.accessToken()).orElseThrow().tenantId()).isEqualTo(other);
    }

    @Test
    void theHintMustMatchTheTenantOfThePassword() {
        TenantId other = fx.tenant(TenantStatus.ACTIVE);
        fx.user(other, EMAIL, "Other-Horse-7", Role.ADMIN);
        TenantId unrelated = fx.tenant(TenantStatus.ACTIVE);

        assertFails(() -> fx.auth.signIn(EMAIL, PASSWORD, other), ErrorKind.UNAUTHENTICATED, "invalid-credentials");
        assertFails(() -> fx.auth.signIn(EMAIL, PASSWORD, unrelated), ErrorKind.UNAUTHENTICATED,
                "invalid-credentials");
    }

    static Stream<Arguments> missingCredentials() {
        return Stream.of(
                Arguments.of(null, PASSWORD),
                Arguments.of("", PASSWORD),
                Arguments.of("   ", PASSWORD),
                Arguments.of(EMAIL, null),
                Arguments.of(EMAIL, ""),
                Arguments.of(EMAIL, "Aa1-".repeat(32) + "x"),
                Arguments.of("a".repeat(64) + "@" + "b".repeat(186) + ".test", PASSWORD));
    }

    @ParameterizedTest
    @MethodSource("missingCredentials")
    void blankOrOversizedCredentialsAreRejectedUpFront(String email, String password) {
        assertFails(() -> fx.auth.signIn(email, password, null), ErrorKind.INVALID_INPUT, "credentials-required");
        assertThat(fx.hasher.matchCalls()).isZero();
    }

    @Test
    void aMaximalWrongPasswordIsCheckedNormally() {
        assertFails(() -> fx.auth.signIn(EMAIL, "Aa1-".repeat(32), null), ErrorKind.UNAUTHENTICATED,
                "invalid-credentials");
    }

    @Test
    void nobodySignsInToACanceledTenant() {
        fx.user(tenant, "admin@acme.test", PASSWORD, Role.ADMIN);
        fx.setStatus(tenant, TenantStatus.CANCELED);
        assertFails(() -> fx.auth.signIn("admin@acme.test", PASSWORD, null), ErrorKind.FORBIDDEN, "tenant-canceled");
        assertFails(() -> fx.auth.signIn(EMAIL, PASSWORD, null), ErrorKind.FORBIDDEN, "tenant-canceled");
        assertThat(StoreContents.refreshTokens(fx.store)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = TenantStatus.class, names = {"SUSPENDED", "PENDING_PAYMENT"})
    void onlyAdminsSignInToATenantThatMayNotWork(TenantStatus status) {
        User admin = fx.user(tenant, "admin@acme.test", PASSWORD, Role.ADMIN);
        fx.user(tenant, "agent@acme.test", PASSWORD, Role.AGENT);
        fx.setStatus(tenant, status);

        assertThat(fx.auth.signIn("admin@acme.test", PASSWORD, null).userId()).isEqualTo(admin.id());
        CallistoException agent = assertFails(() -> fx.auth.signIn("agent@acme.test", PASSWORD, null),
                ErrorKind.FORBIDDEN, "tenant-suspended");
        assertThat(agent.detail()).contains(status.name().toLowerCase(Locale.ROOT));
        assertFails(() -> fx.auth.signIn(EMAIL, PASSWORD, null), ErrorKind.FORBIDDEN, "tenant-suspended");
        assertThat(StoreContents.refreshTokens(fx.store)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = TenantStatus.class, names = {"TRIALING", "ACTIVE", "PAST_DUE"})
    void agentsSignInToAWorkingTenant(TenantStatus status) {
        fx.user(tenant, "agent@acme.test", PASSWORD, Role.AGENT);
        fx.setStatus(tenant, status);
        assertThat(fx.auth.signIn("agent@acme.test", PASSWORD, null).roles()).containsExactly(Role.AGENT);
    }

    private void signInWrong(int times) {
        for (int i = 0; i < times; i++) {
            assertFails(() -> fx.auth.signIn(EMAIL, "Wrong-Horse-9", null), ErrorKind.UNAUTHENTICATED,
                    "invalid-credentials");
        }
    }

    private RateLimitedException rateLimited(String email) {
        Throwable thrown = catchThrowable(() -> fx.auth.signIn(email, PASSWORD, null));
        assertThat(thrown).isInstanceOf(RateLimitedException.class);
        RateLimitedException e = (RateLimitedException) thrown;
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.code()).isEqualTo("rate-limited");
        return e;
    }
}
