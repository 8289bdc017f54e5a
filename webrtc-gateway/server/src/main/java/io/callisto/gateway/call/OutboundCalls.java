package io.callisto.gateway.call;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.OutboundDialer;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.WavPrompt;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.stack.SipEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Places agents' outbound calls (the {@link OutboundDialer} port). The trunk is the one of the caller-id number
 * when one is given (it must be one of the tenant's numbers), else the tenant's first enabled carrier trunk; the
 * caller id shown is that number, else the trunk's configured one. The call is an interaction of the ACD from the
 * start, in the first queue the agent serves (else the tenant's first queue): see {@link OutboundCall}.
 */
public final class OutboundCalls implements OutboundDialer, AutoCloseable {
    /** How long an agent's device may take to answer the call they placed (a softphone answers at once). */
    public static final Duration DEFAULT_AGENT_ANSWER = Duration.ofSeconds(45);
    /** How long the customer's number may ring (carriers usually give up sooner, with 408 or 480). */
    public static final Duration DEFAULT_CUSTOMER_ANSWER = Duration.ofSeconds(120);
    private final CallServices services;
    private final TrunkChannels channels;
    private final CallRegistry registry;
    private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();
    private volatile SipEndpoint endpoint;
    private volatile Function<G711.Law, WavPrompt> waitingMusic;
    private volatile Duration agentAnswer = DEFAULT_AGENT_ANSWER;
    private volatile Duration customerAnswer = DEFAULT_CUSTOMER_ANSWER;

    /** {@code registry}: where an answered call joins the customers' calls. */
    public OutboundCalls(CallServices services, TrunkChannels channels, CallRegistry registry) {
        this.services = services;
        this.channels = channels;
        this.registry = registry;
    }

    /** How long the agent's device, then the customer, may take to answer before a placed call ends unanswered. */
    public void answerTimeouts(Duration agent, Duration customer) {
        this.agentAnswer = agent;
        this.customerAnswer = customer;
    }

    /** What a customer hears while held or transferred (looped); null for ringback. */
    public void waitingMusic(Function<G711.Law, WavPrompt> music) {
        this.waitingMusic = music;
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
    public String dial(TenantId tenant, String agentId, String to, String callerIdE164, String queueId) {
        services.acd().requireWorking(tenant);
        Optional<NumberRoute> number = callerIdE164 == null ? Optional.empty()
                : services.directory().route(callerIdE164).filter(r -> r.tenant().equals(tenant));
        if (callerIdE164 != null && number.isEmpty()) {
            throw Errors.invalid("unknown-caller-id", "from must be one of the tenant's numbers");
        }
        String queue = queueFor(tenant, agentId, queueId);
        boolean softphone = services.browsers().isConnected(tenant, agentId);
        List<Binding> phones = softphone ? List.of() : services.phones().of(tenant, agentId);
        if (!softphone && phones.isEmpty()) {
            throw Errors.conflict("no-registered-phone",
                    "the agent has no softphone connected and no registered SIP phone to ring first");
        }
        Trunk trunk = trunk(tenant, number.orElse(null));
        io.callisto.core.acd.ContactRef contact = services.contacts().match(tenant, to).orElse(null);
        // without a caller id the customer sees an anonymous call, and its record says so
        String callerId = callerIdE164 != null ? callerIdE164 : trunk.callerId() != null ? trunk.callerId()
                : OutboundCall.ANONYMOUS;
        String id = Ids.next('c');
        CustomerLine line = new CustomerLine(tenant, CallDirection.OUTBOUND, to, callerId,
                number.map(NumberRoute::numberId).orElse(null), trunk.id(), queue);
        OutboundCall call = new OutboundCall(new OutboundCall.Carriage(services, endpoint, registry, waitingMusic,
                agentAnswer, customerAnswer), id, agentId, new OutboundCall.Dialled(line, trunk, contact),
                () -> calls.remove(id), () -> channels.release(trunk.id()));
        // the channel last, once nothing but the call itself can fail: the call releases it however it ends
        if (!channels.acquire(trunk)) {
            throw Errors.conflict("trunk-busy", "every channel of trunk " + trunk.name() + " is in use");
        }
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

    /** The queue named (one of the tenant's), else the first the agent serves, else the tenant's first. */
    private String queueFor(TenantId tenant, String agentId, String queueId) {
        io.callisto.core.acd.TenantAcd acd = services.acd().snapshot(tenant);
        if (queueId != null) {
            return acd.queue(queueId).map(q -> q.id()).orElseThrow(() -> Errors.notFound("queue"));
        }
        return io.callisto.core.acd.AcdEngine.dialQueue(acd, agentId).orElseThrow(() -> Errors.conflict("no-queue",
                "the tenant has no queue for the agent's calls to belong to; create one"));
    }

    /** The caller-id number's trunk, else the tenant's first enabled carrier trunk, else its first enabled one. */
    private Trunk trunk(TenantId tenant, NumberRoute number) {
        List<Trunk> trunks = services.directory().trunks(tenant).stream().filter(Trunk::enabled).toList();
        if (number != null && number.trunkId() != null) {
            return trunks.stream().filter(t -> t.id().equals(number.trunkId())).findFirst()
                    .orElseThrow(() -> Errors.conflict("trunk-disabled", "the number's trunk is disabled"));
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
