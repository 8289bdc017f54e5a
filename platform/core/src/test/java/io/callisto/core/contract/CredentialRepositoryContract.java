package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.ApiKey;
import io.callisto.core.auth.RefreshToken;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ApiKeyRepository and RefreshTokenRepository contracts, including tenant isolation. */
public abstract class CredentialRepositoryContract {
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;
    private User ann;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = newTenant();
        b = newTenant();
        ann = Fixtures.user(a, "ann@acme.test", Role.ADMIN);
        fx.transactions().runInTenant(a, () -> fx.users().insert(a, ann));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private TenantId newTenant() {
        Tenant t = Fixtures.tenant();
        fx.transactions().runInTenant(t.id(), () -> fx.tenants().insert(t));
        return t.id();
    }

    private ApiKey key(TenantId tenant, String name) {
        return new ApiKey(tenant, Ids.next('k'), name, "hash-" + name, Set.of(Role.ADMIN, Role.SUPERVISOR),
                ann.id().value(), Fixtures.NOW);
    }

    private RefreshToken token(String family, Instant expires) {
        return new RefreshToken(a, Ids.next('r'), ann.id(), family, "hash-" + Ids.next('h'), Fixtures.NOW, expires, null);
    }

    @Test
    void apiKeysAreStoredListedAndDeletedPerTenant() {
        ApiKey k1 = key(a, "crm-sync");
        ApiKey k2 = key(a, "reporting");
        fx.transactions().runInTenant(a, () -> {
            fx.apiKeys().insert(a, k1);
            fx.apiKeys().insert(a, k2);
        });

        assertThat(fx.apiKeys().find(a, k1.id())).contains(k1);
        assertThat(fx.apiKeys().find(b, k1.id())).isEmpty();
        Page<ApiKey> page = fx.apiKeys().list(a, PageRequest.first(10));
        assertThat(page.items()).containsExactlyInAnyOrder(k1, k2);
        assertThat(fx.apiKeys().list(b, PageRequest.first(10)).items()).isEmpty();

        assertThat(fx.apiKeys().delete(b, k1.id())).isFalse();
        assertThat(fx.transactions().inTenant(a, () -> fx.apiKeys().delete(a, k1.id()))).isTrue();
        assertThat(fx.apiKeys().find(a, k1.id())).isEmpty();
    }

    @Test
    void refreshTokensRevokeOnceAndByFamilyAndUser() {
        RefreshToken t1 = token("f1", Fixtures.NOW.plusSeconds(3600));
        RefreshToken t2 = token("f1", Fixtures.NOW.plusSeconds(3600));
        RefreshToken t3 = token("f2", Fixtures.NOW.plusSeconds(3600));
        fx.transactions().runInTenant(a, () -> {
            fx.refreshTokens().insert(a, t1);
            fx.refreshTokens().insert(a, t2);
            fx.refreshTokens().insert(a, t3);
        });
        Instant at = Fixtures.NOW.plusSeconds(10);

        assertThat(fx.refreshTokens().find(b, t1.id())).isEmpty();
        assertThat(fx.refreshTokens().revoke(b, t1.id(), at)).isFalse();
        assertThat(fx.transactions().inTenant(a, () -> fx.refreshTokens().revoke(a, t1.id(), at))).isTrue();
        assertThat(fx.transactions().inTenant(a, () -> fx.refreshTokens().revoke(a, t1.id(), at))).isFalse();
        assertThat(fx.refreshTokens().find(a, t1.id())).get().extracting(RefreshToken::revokedAt).isEqualTo(at);

        assertThat(fx.transactions().inTenant(a, () -> fx.refreshTokens().revokeFamily(a, "f1", at))).isEqualTo(1);
        assertThat(fx.refreshTokens().find(a, t2.id()).orElseThrow().isRevoked()).isTrue();
        assertThat(fx.refreshTokens().find(a, t3.id()).orElseThrow().isRevoked()).isFalse();

        assertThat(fx.transactions().inTenant(b, () -> fx.refreshTokens().revokeAllOfUser(b, ann.id(), at))).isZero();
        assertThat(fx.transactions().inTenant(a, () -> fx.refreshTokens().revokeAllOfUser(a, ann.id(), at))).isEqualTo(1);
        assertThat(fx.refreshTokens().find(a, t3.id()).orElseThrow().isRevoked()).isTrue();
    }

    @Test
    void expiredRefreshTokensAreDeleted() {
        RefreshToken old = token("f1", Fixtures.NOW.minusSeconds(1));
        RefreshToken live = token("f1", Fixtures.NOW.plusSeconds(3600));
        fx.transactions().runInTenant(a, () -> {
            fx.refreshTokens().insert(a, old);
            fx.refreshTokens().insert(a, live);
        });

        assertThat(fx.transactions().inTenant(a, () -> fx.refreshTokens().deleteExpired(a, Fixtures.NOW))).isEqualTo(1);
        assertThat(fx.refreshTokens().find(a, old.id())).isEmpty();
        assertThat(fx.refreshTokens().find(a, live.id())).contains(live);
    }
}
