package io.callisto.gateway.call;

import io.callisto.core.crm.PhoneNumber;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.TelephonyDirectory;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.sip.registrar.RegistrarAuth;
import io.callisto.gateway.sip.registrar.SipAccount;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.SipResponse;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Whether an INVITE from outside may place a call, decided before anything is allocated: the request URI's user
 * must be one of a tenant's numbers (else 404), and the caller must be one of that tenant's enabled trunks: by
 * source address (its allowed addresses), or, for trunks with credentials (a PBX), by digest authentication in
 * the tenant's realm (407 challenge, then 403 for wrong credentials). An unauthenticated source can never make the
 * gateway do anything but refuse.
 */
final class InboundAdmission {
    private final TelephonyDirectory directory;
    private final RegistrarAuth auth;

    InboundAdmission(TelephonyDirectory directory, RegistrarAuth auth) {
        this.directory = directory;
        this.auth = auth;
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
        List<Trunk> candidates = directory.trunks(route.get().tenant()).stream()
                .filter(Trunk::enabled)
                .filter(t -> route.get().trunkId() == null || route.get().trunkId().equals(t.id()))
                .toList();
        Optional<Trunk> trunk = candidates.stream().filter(t -> t.allows(source)).findFirst();
        if (trunk.isEmpty()) {
            List<Trunk> withCredentials = candidates.stream().filter(t -> t.hasCredentials() && t.inboundDigest() != null)
                    .toList();
            if (withCredentials.isEmpty() || auth == null) {
                return new Decision(null, SipResponse.of(403, "Forbidden"));
            }
            return digest(invite, route.get(), withCredentials);
        }
        return admitted(route.get(), trunk.get());
    }

    private static Decision admitted(NumberRoute route, Trunk trunk) {
        if (route.queueId() == null) {
            return new Decision(null, SipResponse.of(480, "Temporarily Unavailable"));
        }
        return new Decision(new Admitted(route, trunk), null);
    }

    /** A trunk that proves itself with its credentials instead of its address (a PBX behind a changing address). */
    private Decision digest(IncomingRequest invite, NumberRoute route, List<Trunk> trunks) {
        String realm = route.tenant().value();
        Optional<String> authorization = invite.header("Proxy-Authorization");
        if (authorization.isEmpty()) {
            return new Decision(null, challenge(realm, false));
        }
        RegistrarAuth.Outcome outcome = auth.verify(authorization.get(), "INVITE", realm, user -> trunks.stream()
                .filter(t -> user.equals(t.username())).findFirst()
                .map(t -> new SipAccount(t.id(), t.inboundDigest().md5(), t.inboundDigest().sha256())));
        return switch (outcome) {
            case RegistrarAuth.Outcome.Ok ok -> admitted(route, trunks.stream()
                    .filter(t -> t.id().equals(ok.account().agentId())).findFirst().orElseThrow());
            case RegistrarAuth.Outcome.Stale s -> new Decision(null, challenge(realm, true));
            case RegistrarAuth.Outcome.Denied d -> new Decision(null, SipResponse.of(403, "Forbidden"));
        };
    }

    private SipResponse challenge(String realm, boolean stale) {
        SipResponse response = SipResponse.of(407, "Proxy Authentication Required");
        for (String value : auth.challenges(realm, stale)) {
            response = response.withHeader("Proxy-Authenticate", value);
        }
        return response;
    }
}
