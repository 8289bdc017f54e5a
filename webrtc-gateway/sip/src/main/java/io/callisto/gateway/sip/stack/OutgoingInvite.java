package io.callisto.gateway.sip.stack;

import java.util.List;
import java.util.Objects;

/**
 * An INVITE the gateway sends (to an agent's phone, or out through a trunk): the request URI (the registered
 * Contact, or the number at the trunk's host), where to send it when that is not the URI's host (the address a
 * phone's REGISTER came from, behind NAT), From and To, the SDP offer and extra headers.
 */
public record OutgoingInvite(String requestUri, String nextHopHost, int nextHopPort, String transport, String fromUri,
                             String fromDisplay, String toUri, String sdp, List<SipHeader> headers) {
    public OutgoingInvite {
        Objects.requireNonNull(requestUri);
        Objects.requireNonNull(fromUri);
        Objects.requireNonNull(toUri);
        Objects.requireNonNull(sdp);
        headers = List.copyOf(headers);
    }
}
