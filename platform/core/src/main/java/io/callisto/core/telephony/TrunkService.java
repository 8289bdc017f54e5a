package io.callisto.core.telephony;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A tenant's SIP trunks. Admins configure them; supervisors read them too. The password is write-only: it is
 * stored (see {@link TrunkRepository}) and turned into inbound digests here, and the API shows only whether one is
 * set. A trunk a number uses cannot be deleted ({@code trunk-in-use}).
 */
public final class TrunkService {
    private final Transactions tx;
    private final TrunkRepository trunks;
    private final Clock clock;

    public TrunkService(Transactions tx, TrunkRepository trunks, Clock clock) {
        this.tx = tx;
        this.trunks = trunks;
        this.clock = clock;
    }

    /**
     * A new trunk or changes to one; null fields are not given (on create: defaults). {@code cleared} names the
     * optional fields the request set to null explicitly ({@code username}, {@code password}, {@code callerId}).
     */
    public record TrunkInput(String name, String kind, String host, Integer port, String transport, String username,
                             String password, Boolean register, Integer registerExpiresSeconds, List<String> allowedIps,
                             List<String> failoverHosts, String callerId, Integer maxChannels, Boolean enabled,
                             Set<String> cleared) {
        public TrunkInput {
            cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
        }

        boolean clears(String field) {
            return cleared.contains(field);
        }

        @Override
        public String toString() {
            return "TrunkInput[" + name + "]";
        }
    }

    public Trunk create(Caller caller, TrunkInput input) {
        caller.requireAnyRole(Role.ADMIN);
        new Validator().require(input.name() != null, "name", "is required")
                .require(input.kind() != null, "kind", "is required")
                .require(input.host() != null, "host", "is required").throwIfInvalid();
        TenantId tenant = caller.tenantId();
        Instant now = clock.instant();
        Trunk defaults = new Trunk(Ids.next('s'), "", TrunkKind.CARRIER, "", TrunkTransport.UDP.defaultPort(),
                TrunkTransport.UDP, null, null, null, false, TrunkRules.DEFAULT_REGISTER_EXPIRES, List.of(), List.of(), null,
                TrunkRules.DEFAULT_MAX_CHANNELS, true, now, now);
        Trunk created = TrunkRules.merge(tenant, defaults, input, now);
        tx.runInTenant(tenant, () -> trunks.insert(tenant, created));
        return created;
    }

    public Page<Trunk> list(Caller caller, PageRequest page) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return tx.inTenant(caller.tenantId(), () -> trunks.list(caller.tenantId(), page));
    }

    public Trunk get(Caller caller, String trunkId) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return tx.inTenant(caller.tenantId(), () -> trunks.find(caller.tenantId(), trunkId))
                .orElseThrow(() -> Errors.notFound("trunk"));
    }

    public Trunk update(Caller caller, String trunkId, TrunkInput changes) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        return tx.inTenant(tenant, () -> {
            Trunk current = trunks.find(tenant, trunkId).orElseThrow(() -> Errors.notFound("trunk"));
            Trunk updated = TrunkRules.merge(tenant, current, changes, clock.instant());
            trunks.update(tenant, updated);
            return updated;
        });
    }

    /** Refused (409 {@code trunk-in-use}) while a number uses the trunk. */
    public void delete(Caller caller, String trunkId) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        tx.runInTenant(tenant, () -> {
            if (!trunks.delete(tenant, trunkId)) {
                throw Errors.notFound("trunk");
            }
        });
    }
}
