package io.callisto.core.contract;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Test data builders shared by the contract tests. Times are truncated to what every database keeps. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z").truncatedTo(ChronoUnit.MILLIS);

    private Fixtures() {
    }

    public static Tenant tenant() {
        return new Tenant(TenantId.generate(), "Acme Support", TenantStatus.ACTIVE, 5, "standard", NOW, NOW);
    }

    public static User user(TenantId tenant, String email, Role... roles) {
        return new User(tenant, UserId.generate(), email, "Ann Agent", "$argon2id$fake-hash-for-tests",
                Set.of(roles), NOW, NOW);
    }
}
