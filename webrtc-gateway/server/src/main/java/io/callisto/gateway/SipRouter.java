package io.callisto.gateway;

import io.callisto.gateway.sip.registrar.Registrar;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.SipHandler;
import io.callisto.gateway.sip.stack.SipResponse;

/**
 * Every request the gateway receives, by method: REGISTER to the registrar, OPTIONS answered (keep-alives and
 * monitoring), INVITE to call control; an in-dialog request without a dialog gets 481, anything else 405.
 */
public final class SipRouter implements SipHandler {
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, REFER, NOTIFY, INFO";
    private final Registrar registrar;
    private final SipHandler calls;

    public SipRouter(Registrar registrar, SipHandler calls) {
        this.registrar = registrar;
        this.calls = calls;
    }

    @Override
    public void onRequest(IncomingRequest request) {
        switch (request.method()) {
            case "REGISTER" -> registrar.handle(request);
            case "OPTIONS" -> request.respond(allow(SipResponse.of(200, "OK")).withHeader("Accept", "application/sdp"));
            // an INVITE with a To tag belongs to a dialog; one that reaches here matches none of ours (RFC 3261 12.2.2)
            case "INVITE" -> {
                if (request.toTag() != null) {
                    request.respond(SipResponse.of(481, "Call/Transaction Does Not Exist"));
                } else {
                    calls.onRequest(request);
                }
            }
            case "ACK" -> {
                // an ACK outside a dialog (or for a 4xx the stack already absorbed) needs no answer
            }
            case "BYE", "CANCEL", "INFO", "NOTIFY", "REFER", "UPDATE", "PRACK" ->
                    request.respond(SipResponse.of(481, "Call/Transaction Does Not Exist"));
            default -> request.respond(allow(SipResponse.of(405, "Method Not Allowed")));
        }
    }

    /** One Allow header per method: the same as a comma list on the wire, and what the stack's parser accepts. */
    private static SipResponse allow(SipResponse response) {
        SipResponse withAllow = response;
        for (String method : ALLOW.split(", ")) {
            withAllow = withAllow.withHeader("Allow", method);
        }
        return withAllow;
    }
}
