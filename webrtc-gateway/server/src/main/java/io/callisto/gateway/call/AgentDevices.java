package io.callisto.gateway.call;

import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.stack.LegListener;
import io.callisto.gateway.sip.stack.OutgoingInvite;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHeader;
import java.util.List;
import java.util.Optional;

/** Rings an agent's device for a call: their connected softphone (they are at their browser), else their SIP phone. */
final class AgentDevices {
    private AgentDevices() {
    }

    /**
     * The ringing device, reporting to {@code events} (a browser) or {@code sipListener} (a SIP phone, sent the ring's
     * offer with {@code header}); empty when the agent has neither a softphone connected nor a phone registered.
     */
    static Optional<AgentLeg> ring(CallServices services, SipEndpoint endpoint, BrowserAgents.Ring ring,
                                   AgentLegEvents events, LegListener sipListener, SipHeader header) {
        Optional<AgentLeg> browser = services.browsers().ring(ring, events);
        if (browser.isPresent()) {
            return browser;
        }
        List<Binding> phones = services.phones().of(ring.tenant(), ring.agentId());
        if (phones.isEmpty()) {
            return Optional.empty();
        }
        Binding phone = phones.getFirst();
        String from = "sip:" + (ring.from() == null ? "anonymous" : ring.from()) + "@" + endpoint.host() + ":"
                + endpoint.port();
        return Optional.of(new SipAgentLeg(endpoint.invite(new OutgoingInvite(phone.contact(), phone.sourceHost(),
                phone.sourcePort(), phone.transport(), from, null, "sip:" + phone.username() + "@" + ring.tenant().value(),
                ring.offerSdp(), List.of(header)), sipListener)));
    }
}
