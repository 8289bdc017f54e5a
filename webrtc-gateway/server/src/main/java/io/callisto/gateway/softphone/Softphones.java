package io.callisto.gateway.softphone;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.agent.AgentStateService;
import io.callisto.core.auth.Caller;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.call.AgentLeg;
import io.callisto.gateway.call.AgentLegEvents;
import io.callisto.gateway.call.BrowserAgents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents' browser softphones on this gateway node: their lines (by tenant and agent), the connections that open
 * them, and the calls call control rings on them. An agent whose softphone is connected is rung there rather than on
 * a desk phone.
 */
public final class Softphones implements BrowserAgents, AutoCloseable {
    private final Map<Key, SoftphoneLine> lines = new ConcurrentHashMap<>();
    private final SoftphoneMedia media;
    private final AgentStateService states;
    private final Clock clock;
    private volatile io.callisto.core.calls.OutboundDialer dialer;

    private record Key(TenantId tenant, String agentId) {
    }

    public Softphones(SoftphoneMedia media, AgentStateService states, Clock clock) {
        this.media = media;
        this.states = states;
        this.clock = clock;
    }

    public SoftphoneMedia media() {
        return media;
    }

    /** A new WebSocket of {@code caller}'s; it speaks once its {@code hello} is in. */
    public SoftphoneConnection open(Caller caller, SoftphoneSender sender) {
        return new SoftphoneConnection(this, caller, sender);
    }

    SoftphoneLine line(TenantId tenant, String agentId) {
        return lines.computeIfAbsent(new Key(tenant, agentId), k -> new SoftphoneLine(tenant, agentId));
    }

    AgentStateService states() {
        return states;
    }

    @Override
    public Optional<AgentLeg> ring(Ring ring, AgentLegEvents events) {
        SoftphoneLine line = lines.get(new Key(ring.tenant(), ring.agentId()));
        if (line == null || !line.isConnected() || line.isBusy()) {
            return Optional.empty();
        }
        BrowserCall call = new BrowserCall(ring, events, line, media, clock.instant());
        line.add(call);
        if (ring.direction() == Direction.OUTBOUND) {
            line.send(ServerMessages.call(call.describe())); // the page sends its offer at once
        } else {
            line.send(ServerMessages.incoming(call.describe()));
            events.ringing();
        }
        return Optional.of(call);
    }

    @Override
    public boolean isConnected(TenantId tenant, String agentId) {
        SoftphoneLine line = lines.get(new Key(tenant, agentId));
        return line != null && line.isConnected() && !line.isBusy();
    }

    /** Where the softphone's {@code dial} places calls (the gateway's outbound calls, once the SIP edge runs). */
    public void dialer(io.callisto.core.calls.OutboundDialer outbound) {
        dialer = outbound;
    }

    String dial(Caller caller, String agentId, String number, String from, String queueId) {
        io.callisto.core.calls.OutboundDialer current = dialer;
        if (current == null) {
            throw new SignallingException("dial-refused", "calls cannot be placed: no SIP edge runs here");
        }
        return current.dial(caller.tenantId(), agentId, number, from, queueId);
    }

    /** The ACD's events: agents' state changes are pushed to their softphones. */
    public void onBatch(EventBatch batch) {
        for (AcdEvent event : batch.events()) {
            if (event instanceof AcdEvent.AgentStateChanged changed) {
                SoftphoneLine line = lines.get(new Key(batch.tenantId(), changed.agentId()));
                if (line != null) {
                    // the reason of other changes is the ACD's cause (offered, accepted, ...), not the agent's
                    line.send(ServerMessages.state(changed.to().name(), changed.to() == io.callisto.core.acd.AgentState.AWAY
                            ? changed.reason() : null));
                }
            }
        }
    }

    /** Browser calls in progress on this node (for tests and counters). */
    public int activeCalls() {
        return lines.values().stream().mapToInt(l -> l.calls().size()).sum();
    }

    /** The media of the agent's current call, if connected (for tests and counters). */
    public Optional<io.callisto.gateway.media.webrtc.BrowserMedia> mediaOf(TenantId tenant, String agentId) {
        SoftphoneLine line = lines.get(new Key(tenant, agentId));
        return line == null ? Optional.empty() : line.calls().stream().map(BrowserCall::media)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    List<SoftphoneLine> lines() {
        return List.copyOf(lines.values());
    }

    @Override
    public void close() {
        media.port().close();
    }
}
