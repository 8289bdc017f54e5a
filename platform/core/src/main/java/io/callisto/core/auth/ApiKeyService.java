package io.callisto.core.auth;

import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.Ids;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Clock;
import java.util.Set;

/** Admins create, list and revoke their tenant's API keys. The key itself is shown only at creation. */
public final class ApiKeyService {
    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeyService(Transactions tx, ApiKeyRepository keys, Clock clock) {
        this.tx = tx;
        this.keys = keys;
        this.clock = clock;
    }

    /** A created key: the stored record and the one-time plaintext value. */
    public record Created(ApiKey key, String plaintext) {
        @Override
        public String toString() {
            return "Created[" + key.id() + "]";
        }
    }

    public Created create(Caller caller, String name, Set<Role> roles) {
        caller.requireAnyRole(Role.ADMIN);
        new Validator()
                .require(name != null && !name.isBlank() && name.length() <= 100, "name", "is required (1-100 characters)")
                .require(roles == null || !roles.isEmpty(), "roles", "must name at least one role when given")
                .throwIfInvalid();
        Set<Role> granted = roles == null ? Set.of(Role.ADMIN) : roles;
        if (caller.kind() == Caller.Kind.API_KEY && !caller.roles().containsAll(granted)) {
            throw Errors.forbidden("role-escalation", "an API key cannot create a key with more roles than its own");
        }
        SecretToken secret = SecretToken.generate(ApiKeyAuthenticator.KIND, caller.tenantId(), Ids.next('k'));
        ApiKey key = new ApiKey(caller.tenantId(), secret.id(), name.trim(), secret.hash(), granted,
                caller.principalId(), clock.instant());
        tx.runInTenant(caller.tenantId(), () -> keys.insert(caller.tenantId(), key));
        return new Created(key, secret.value());
    }

    public Page<ApiKey> list(Caller caller, PageRequest page) {
        caller.requireAnyRole(Role.ADMIN);
        return tx.inTenant(caller.tenantId(), () -> keys.list(caller.tenantId(), page));
    }

    public ApiKey get(Caller caller, String id) {
        caller.requireAnyRole(Role.ADMIN);
        return tx.inTenant(caller.tenantId(), () -> keys.find(caller.tenantId(), id))
                .orElseThrow(() -> Errors.notFound("API key"));
    }

    public void revoke(Caller caller, String id) {
        caller.requireAnyRole(Role.ADMIN);
        if (!tx.inTenant(caller.tenantId(), () -> keys.delete(caller.tenantId(), id))) {
            throw Errors.notFound("API key");
        }
    }
}
