package io.callisto.gateway.call;

import io.callisto.core.crm.PhoneNumber;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.TelephonyDirectory;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.SipResponse;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether an INVITE from outside may place a call, decided before anything is allocated: the request URI's user
 * must be one of a tenant's numbers (else 404), and the source must be one of that tenant's enabled trunks (its
 * allowed addresses; else 403). An unauthenticated source can never make the gateway do anything but refuse.
 */
final class InboundAdmission {
    private final TelephonyDirectory directory;

    InboundAdmission(TelephonyDirectory directory) {
        this.directory = directory;
    }

    /** A call admitted: its number's route and the trunk it came in on. */
    record Admitted(NumberRoute route, Trunk trunk) {
    }

    /** The admitted call, or the response that refuses it. */
    record Decision(Admitted admitted, SipResponse refusal) {
    }

    Decision decide(IncomingRequest invite) {
        String user = invite.requestUri().user();
        Optional<String> number = user == null ? Optional.empty() : PhoneNumber.normalize(user.startsWith("+") ? user
                : "+" + user);
        Optional<NumberRoute> route = number.flatMap(directory::route);
        if (route.isEmpty()) {
            return new Decision(null, SipResponse.of(404, "Not Found"));
        }
        InetAddress source = invite.source().getAddress();
        Optional<Trunk> trunk = directory.trunks(route.get().tenant()).stream()
                .filter(Trunk::enabled)
                .filter(t -> route.get().trunkId() == null || route.get().trunkId().equals(t.id()))
                .filter(t -> t.allows(source))
                .findFirst();
        if (trunk.isEmpty()) {
            return new Decision(null, SipResponse.of(403, "Forbidden"));
        }
        if (route.get().queueId() == null) {
            return new Decision(null, SipResponse.of(480, "Temporarily Unavailable"));
        }
        return new Decision(new Admitted(route.get(), trunk.get()), null);
    }
}
