package io.callisto.core.telephony;

import io.callisto.core.auth.Caller;
import io.callisto.core.crm.PhoneNumber;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * A tenant's phone numbers: where calls to each go (a queue now; IVR flows arrive with their issue) and which trunk
 * serves it. Admins configure them; supervisors read them too. A number any tenant has already is a 409
 * {@code number-taken} that does not say whose it is.
 */
public final class NumberService {
    static final String IVR_UNAVAILABLE = "IVR flows are not available yet; use QUEUE";
    private final Transactions tx;
    private final NumberRepository numbers;
    private final TrunkRepository trunks;
    private final QueueRepository queues;
    private final Clock clock;

    public NumberService(Transactions tx, NumberRepository numbers, TrunkRepository trunks, QueueRepository queues,
                         Clock clock) {
        this.tx = tx;
        this.numbers = numbers;
        this.trunks = trunks;
        this.queues = queues;
        this.clock = clock;
    }

    /** Where a number's calls go, as the API takes it: {@code {type: QUEUE, queueId}} or {@code {type: IVR, ...}}. */
    public record TargetInput(String type, String queueId, String ivrFlowId) {
    }

    /**
     * A new number or changes to one; null fields are not given. {@code cleared} names the optional fields the request
     * set to null explicitly ({@code name}, {@code trunkId}).
     */
    public record NumberInput(String e164, String name, String trunkId, TargetInput target, Set<String> cleared) {
        public NumberInput {
            cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
        }
    }

    public NumberConfig create(Caller caller, NumberInput input) {
        caller.requireAnyRole(Role.ADMIN);
        new Validator().require(input.e164() != null, "e164", "is required")
                .require(input.target() != null, "target", "is required").throwIfInvalid();
        TenantId tenant = caller.tenantId();
        Instant now = clock.instant();
        // a placeholder the input replaces entirely: e164 and target are required
        NumberConfig blank = new NumberConfig(Ids.next('n'), "", null, null, NumberTarget.queue(""), now, now);
        return tx.inTenant(tenant, () -> {
            NumberConfig created = merge(tenant, blank, input, now);
            numbers.insert(tenant, created);
            return created;
        });
    }

    public Page<NumberConfig> list(Caller caller, PageRequest page) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return tx.inTenant(caller.tenantId(), () -> numbers.list(caller.tenantId(), page));
    }

    public NumberConfig get(Caller caller, String numberId) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return tx.inTenant(caller.tenantId(), () -> numbers.find(caller.tenantId(), numberId))
                .orElseThrow(() -> Errors.notFound("number"));
    }

    public NumberConfig update(Caller caller, String numberId, NumberInput changes) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        return tx.inTenant(tenant, () -> {
            NumberConfig current = numbers.find(tenant, numberId).orElseThrow(() -> Errors.notFound("number"));
            NumberConfig updated = merge(tenant, current, changes, clock.instant());
            numbers.update(tenant, updated);
            return updated;
        });
    }

    public void delete(Caller caller, String numberId) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        tx.runInTenant(tenant, () -> {
            if (!numbers.delete(tenant, numberId)) {
                throw Errors.notFound("number");
            }
        });
    }

    private NumberConfig merge(TenantId tenant, NumberConfig n, NumberInput in, Instant now) {
        Validator v = new Validator();
        String e164 = n.e164();
        if (in.e164() != null) {
            e164 = PhoneNumber.normalize(in.e164()).orElse(null);
            v.require(e164 != null, "e164", "an E.164 number such as +15551230000");
        }
        String name = in.cleared().contains("name") ? null : in.name() != null ? in.name().trim() : n.name();
        v.require(name == null || (!name.isEmpty() && name.length() <= 100), "name", "1 to 100 characters");
        String trunkId = in.cleared().contains("trunkId") ? null : in.trunkId() != null ? in.trunkId() : n.trunkId();
        v.require(trunkId == null || trunkId.equals(n.trunkId())
                || (trunkId.length() <= 64 && trunks.find(tenant, trunkId).isPresent()), "trunkId",
                "names no trunk of this tenant");
        NumberTarget target = in.target() == null ? n.target() : target(tenant, v, in.target());
        v.throwIfInvalid();
        return new NumberConfig(n.id(), e164, name, trunkId, target, n.createdAt(), now);
    }

    private NumberTarget target(TenantId tenant, Validator v, TargetInput in) {
        if (in.type() == null) {
            v.require(false, "target.type", "is required: QUEUE");
            return null;
        }
        if (in.type().equals(TargetType.IVR.name())) {
            v.require(false, "target.type", IVR_UNAVAILABLE);
            return null;
        }
        if (!in.type().equals(TargetType.QUEUE.name())) {
            v.require(false, "target.type", "one of QUEUE, IVR");
            return null;
        }
        v.require(in.ivrFlowId() == null, "target.ivrFlowId", "only with type IVR");
        v.require(in.queueId() != null, "target.queueId", "is required with type QUEUE");
        v.require(in.queueId() == null || (in.queueId().length() <= 64 && queues.find(tenant, in.queueId()).isPresent()),
                "target.queueId", "names no queue of this tenant");
        return in.queueId() == null ? null : NumberTarget.queue(in.queueId());
    }
}
