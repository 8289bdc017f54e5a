package io.callisto.gateway.call;

import io.callisto.core.calls.OutboundDialer;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.stack.SipEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places agents' outbound calls (the {@link OutboundDialer} port). The trunk is the one of the caller-id number
 * when one is given (it must be one of the tenant's numbers), else the tenant's first enabled carrier trunk; the
 * caller id shown is that number, else the trunk's configured one.
 */
public final class OutboundCalls implements OutboundDialer, AutoCloseable {
    private final CallServices services;
    private final TrunkChannels channels;
    private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();
    private volatile SipEndpoint endpoint;

    public OutboundCalls(CallServices services, TrunkChannels channels) {
        this.services = services;
        this.channels = channels;
    }

    public void attach(SipEndpoint sip) {
        this.endpoint = sip;
    }

    /** The outbound call with this id, if this node carries it. */
    Optional<OutboundCall> call(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    public int active() {
        return calls.size();
    }

    @Override
    public String dial(TenantId tenant, String agentId, String to, String callerIdE164) {
        services.acd().requireWorking(tenant);
        boolean softphone = services.browsers().isConnected(tenant, agentId);
        List<Binding> phones = softphone ? List.of() : services.phones().of(tenant, agentId);
        if (!softphone && phones.isEmpty()) {
            throw Errors.conflict("no-registered-phone",
                    "the agent has no softphone connected and no registered SIP phone to ring first");
        }
        Trunk trunk = trunk(tenant, callerIdE164);
        if (!channels.acquire(trunk)) {
            throw Errors.conflict("trunk-busy", "every channel of trunk " + trunk.name() + " is in use");
        }
        String id = Ids.next('c');
        String callerId = callerIdE164 != null ? callerIdE164 : trunk.callerId();
        OutboundCall call = new OutboundCall(services, endpoint, tenant, id, agentId, to, callerId, trunk, () -> {
            calls.remove(id);
            channels.release(trunk.id());
        });
        calls.put(id, call);
        try {
            if (softphone) {
                call.start(services.browsers());
            } else {
                call.start(phones.getFirst());
            }
        } catch (RuntimeException e) {
            call.shutdown();
            throw e;
        }
        return id;
    }

    private Trunk trunk(TenantId tenant, String callerIdE164) {
        List<Trunk> trunks = services.directory().trunks(tenant).stream().filter(Trunk::enabled).toList();
        if (callerIdE164 != null) {
            Optional<NumberRoute> number = services.directory().route(callerIdE164).filter(r -> r.tenant().equals(tenant));
            if (number.isEmpty()) {
                throw Errors.invalid("unknown-caller-id", "from must be one of the tenant's numbers");
            }
            if (number.get().trunkId() != null) {
                return trunks.stream().filter(t -> t.id().equals(number.get().trunkId())).findFirst()
                        .orElseThrow(() -> Errors.conflict("trunk-disabled", "the number's trunk is disabled"));
            }
        }
        return trunks.stream().filter(t -> t.kind() == io.callisto.core.telephony.TrunkKind.CARRIER).findFirst()
                .or(() -> trunks.stream().findFirst())
                .orElseThrow(() -> Errors.conflict("no-trunk", "the tenant has no enabled trunk to call out through"));
    }

    @Override
    public void close() {
        calls.values().forEach(OutboundCall::shutdown);
    }
}
