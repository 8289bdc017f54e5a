package io.callisto.gateway.sip.stack;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/** Builds the requests the gateway originates (a new INVITE) from Callisto's own description of them. */
final class LegMessages {
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final MessageFactory messages;

    LegMessages(HeaderFactory headers, AddressFactory addresses, MessageFactory messages) {
        this.headers = headers;
        this.addresses = addresses;
        this.messages = messages;
    }

    Request register(OutgoingRegister spec, String host, int port, String contact)
            throws ParseException, InvalidArgumentException {
        String transport = spec.transport() == null ? "udp" : spec.transport();
        FromHeader from = headers.createFromHeader(addresses.createAddress(spec.addressOfRecord()), Long.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong()));
        ToHeader to = headers.createToHeader(addresses.createAddress(spec.addressOfRecord()), null);
        Request request = messages.createRequest(addresses.createURI(spec.registrarUri()), Request.REGISTER,
                headers.createCallIdHeader(spec.callId()), headers.createCSeqHeader(spec.cseq(), Request.REGISTER), from, to,
                List.of(headers.createViaHeader(host, port, transport, null)), headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
        request.addHeader(headers.createExpiresHeader(spec.expires()));
        for (SipHeader h : spec.headers()) {
            request.addHeader(headers.createHeader(h.name(), h.value()));
        }
        return request;
    }

    Request invite(OutgoingInvite spec, SipProvider provider, String host, int port, ContactHeader contact)
            throws ParseException, InvalidArgumentException {
        String transport = spec.transport() == null ? "udp" : spec.transport();
        Address from = addresses.createAddress(spec.fromUri());
        if (spec.fromDisplay() != null) {
            from.setDisplayName(spec.fromDisplay());
        }
        FromHeader fromHeader = headers.createFromHeader(from, Long.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong()));
        ToHeader to = headers.createToHeader(addresses.createAddress(spec.toUri()), null);
        ViaHeader via = headers.createViaHeader(host, port, transport, null);
        CallIdHeader callId = provider.getNewCallId();
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
        MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
        Request request = messages.createRequest(addresses.createURI(spec.requestUri()), Request.INVITE, callId, cseq,
                fromHeader, to, List.of(via), maxForwards);
        request.addHeader(contact);
        if (spec.nextHopHost() != null) {
            // loose route to where the phone really is (its REGISTER's source), when its Contact names another place
            request.addHeader(headers.createRouteHeader(addresses.createAddress("<sip:" + spec.nextHopHost() + ":"
                    + spec.nextHopPort() + ";transport=" + transport + ";lr>")));
        }
        for (SipHeader h : spec.headers()) {
            request.addHeader(headers.createHeader(h.name(), h.value()));
        }
        request.setContent(spec.sdp(), headers.createContentTypeHeader("application", "sdp"));
        return request;
    }
}
