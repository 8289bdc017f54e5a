package io.callisto.core.auth;

import io.callisto.core.error.Errors;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-in, token refresh and rotation, sign-out, and resolving a bearer credential to a Caller. */
public final class AuthService {
    static final String REFRESH_KIND = "rt";
    private static final System.Logger LOG = System.getLogger(AuthService.class.getName());

    private final Transactions tx;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final ApiKeyAuthenticator apiKeys;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration refreshTtl;
    private volatile String dummyHash;

    public AuthService(AuthDependencies deps, Duration refreshTtl) {
        this.tx = deps.tx();
        this.tenants = deps.tenants();
        this.users = deps.users();
        this.refreshTokens = deps.refreshTokens();
        this.hasher = deps.hasher();
        this.accessTokens = deps.accessTokens();
        this.apiKeys = new ApiKeyAuthenticator(deps.tx(), deps.apiKeys(), deps.tenants());
        this.throttle = deps.throttle();
        this.clock = deps.clock();
        this.refreshTtl = refreshTtl;
    }

    /** Signs a user in with email and password; tenantId is needed only when the email is in several tenants. */
    public TokenPair signIn(String email, String password, TenantId tenantHint) {
        if (email == null || password == null || email.isBlank() || password.isEmpty()
                || password.length() > PasswordPolicy.MAX_LENGTH || email.length() > EmailAddress.MAX_LENGTH) {
            throw Errors.invalid("credentials-required", "email and password are required");
        }
        String normalized = EmailAddress.normalize(email);
        throttle.beginAttempt(normalized).ifPresent(wait -> {
            throw Errors.rateLimited("too many failed sign-ins for this account; try again later", wait);
        });
        List<TenantId> candidates = users.tenantsWithEmail(normalized).stream()
                .filter(t -> tenantHint == null || t.equals(tenantHint)).toList();
        if (candidates.size() > 1) {
            throw Errors.invalid("tenant-required", "this email belongs to several tenants; add tenantId");
        }
        Optional<User> user = candidates.stream().findFirst()
                .flatMap(t -> tx.inTenant(t, () -> users.findByEmail(t, normalized)));
        // Hash even when the user does not exist, so that timing does not reveal which emails exist.
        boolean ok = hasher.matches(password, user.map(User::passwordHash).orElseGet(this::dummyHash));
        if (user.isEmpty() || !ok) {
            LOG.log(System.Logger.Level.INFO, "sign-in failed for a user of tenant {0}",
                    candidates.isEmpty() ? "-" : candidates.getFirst());
            throw Errors.unauthenticated("invalid-credentials", "email or password is wrong");
        }
        throttle.reset(normalized);
        User signedIn = user.get();
        requireMaySignIn(signedIn);
        return issue(signedIn, Ids.next('f'));
    }

    /**
     * Exchanges a refresh token for a new pair; the presented token is revoked (rotation). Revoking the old
     * token and storing the new one commit together, so a concurrent request with the same token waits on the
     * old token's row, finds it revoked, and then revokes the whole family, the winner's new token included.
     */
    public TokenPair refresh(String presented) {
        SecretToken token = SecretToken.parse(REFRESH_KIND, presented)
                .orElseThrow(() -> Errors.unauthenticated("invalid-refresh-token", "refresh token is invalid"));
        TenantId tenant = token.tenantId();
        Instant now = clock.instant();
        Rotation rotation = tx.inTenant(tenant, () -> rotate(token, now));
        if (rotation.reusedFamily() != null) {
            // A rotated token came back: someone holds a copy. End the whole family.
            tx.inTenant(tenant, () -> refreshTokens.revokeFamily(tenant, rotation.reusedFamily(), now));
            LOG.log(System.Logger.Level.WARNING, "refresh token reuse detected in tenant {0}; family revoked", tenant);
            throw Errors.unauthenticated("invalid-refresh-token", "refresh token is invalid");
        }
        return rotation.tokens();
    }

    /** The result of one rotation attempt: new tokens, or the family of a token presented twice. */
    private record Rotation(TokenPair tokens, String reusedFamily) {
    }

    private Rotation rotate(SecretToken token, Instant now) {
        TenantId tenant = token.tenantId();
        RefreshToken stored = refreshTokens.find(tenant, token.id())
                .filter(t -> token.matchesHash(t.tokenHash()))
                .orElseThrow(() -> Errors.unauthenticated("invalid-refresh-token", "refresh token is invalid"));
        if (!stored.expiresAt().isAfter(now)) {
            throw Errors.unauthenticated("refresh-token-expired", "refresh token has expired; sign in again");
        }
        if (!refreshTokens.revoke(tenant, stored.id(), now)) {
            return new Rotation(null, stored.familyId());
        }
        User user = users.find(tenant, stored.userId())
                .orElseThrow(() -> Errors.unauthenticated("invalid-refresh-token", "refresh token is invalid"));
        requireMaySignIn(user);
        return new Rotation(issue(user, stored.familyId()), null);
    }

    /** Revokes a refresh token; unknown or malformed tokens are ignored so that sign-out always succeeds. */
    public void signOut(String presented) {
        SecretToken.parse(REFRESH_KIND, presented).ifPresent(token -> tx.runInTenant(token.tenantId(), () ->
                refreshTokens.find(token.tenantId(), token.id())
                        .filter(t -> token.matchesHash(t.tokenHash()))
                        .ifPresent(t -> refreshTokens.revokeFamily(token.tenantId(), t.familyId(), clock.instant()))));
    }

    /** Resolves an Authorization bearer value (access token or API key) to the caller. */
    public Caller authenticate(String bearer) {
        if (bearer == null || bearer.isBlank()) {
            throw Errors.unauthenticated("credentials-required", "missing bearer token");
        }
        if (bearer.startsWith(ApiKeyAuthenticator.KIND + ".")) {
            return apiKeys.authenticate(bearer);
        }
        return accessTokens.verify(bearer)
                .orElseThrow(() -> Errors.unauthenticated("invalid-token", "access token is invalid or expired"));
    }

    private void requireMaySignIn(User user) {
        Tenant tenant = tenants.find(user.tenantId())
                .orElseThrow(() -> Errors.unauthenticated("invalid-credentials", "email or password is wrong"));
        if (!tenant.status().adminsMaySignIn()) {
            throw Errors.forbidden("tenant-canceled", "this account has been canceled");
        }
        if (!tenant.status().agentsMayWork() && !user.hasRole(Role.ADMIN)) {
            throw Errors.forbidden("tenant-suspended",
                    "this account is " + tenant.status().name().toLowerCase(java.util.Locale.ROOT) + "; only admins may sign in");
        }
    }

    private TokenPair issue(User user, String familyId) {
        Instant now = clock.instant();
        TenantId tenant = user.tenantId();
        SecretToken refresh = SecretToken.generate(REFRESH_KIND, tenant, Ids.next('r'));
        tx.runInTenant(tenant, () -> {
            // Housekeeping where tokens are made: the tenant's expired tokens go, so the table stays bounded.
            refreshTokens.deleteExpired(tenant, now);
            refreshTokens.insert(tenant, new RefreshToken(tenant, refresh.id(), user.id(), familyId, refresh.hash(),
                    now, now.plus(refreshTtl), null));
        });
        AccessTokens.Issued access = accessTokens.issue(
                new Caller(tenant, user.id().value(), Caller.Kind.USER, user.roles()));
        return new TokenPair(access.token(), refresh.value(), access.expiresIn().toSeconds(), tenant,
                new UserId(user.id().value()), user.roles());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("no-such-user-" + Ids.next('x'));
            dummyHash = hash;
        }
        return hash;
    }
}
