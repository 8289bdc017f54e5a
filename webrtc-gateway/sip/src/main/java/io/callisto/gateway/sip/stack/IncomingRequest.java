package io.callisto.gateway.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ServerTransaction;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * A request the stack received, as call control sees it: no JAIN-SIP type crosses this class's public methods.
 * It is answered once with {@link #respond}; a second final answer is refused.
 */
public final class IncomingRequest {
    private final SipEndpoint endpoint;
    private final ServerTransaction transaction;
    private final SIPRequest request;
    private final AtomicBoolean answered = new AtomicBoolean();

    IncomingRequest(SipEndpoint endpoint, ServerTransaction transaction, Request request) {
        this.endpoint = endpoint;
        this.transaction = transaction;
        this.request = (SIPRequest) request;
    }

    public String method() {
        return request.getMethod();
    }

    public SipUri requestUri() {
        return SipUris.of(request.getRequestURI());
    }

    public SipUri fromUri() {
        return SipUris.of(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
    }

    public String fromTag() {
        return ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
    }

    public SipUri toUri() {
        return SipUris.of(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
    }

    public String toTag() {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
    }

    public String callId() {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    public long cseq() {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    /** The header's first value as on the wire (without its name), if present. */
    public Optional<String> header(String name) {
        Header h = request.getHeader(name);
        return Optional.ofNullable(h).map(IncomingRequest::valueOf);
    }

    /** Every value of a header, in order. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(name);
        while (it != null && it.hasNext()) {
            values.add(valueOf((Header) it.next()));
        }
        return values;
    }

    static String valueOf(Header header) {
        String text = header.toString().trim();
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1).trim();
    }

    /** The Expires header's seconds, or -1 when absent. */
    public int expires() {
        ExpiresHeader h = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        return h == null ? -1 : h.getExpires();
    }

    public Optional<String> contentType() {
        ContentTypeHeader h = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return Optional.ofNullable(h).map(t -> t.getContentType() + "/" + t.getContentSubType());
    }

    /** The body as UTF-8 text ("" when none). */
    public String body() {
        byte[] raw = request.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    /** Where the packet or connection came from (not what the Via claims). */
    public InetSocketAddress source() {
        return new InetSocketAddress(request.getPeerPacketSourceAddress() != null ? request.getPeerPacketSourceAddress()
                : request.getRemoteAddress(), request.getPeerPacketSourceAddress() != null
                ? request.getPeerPacketSourcePort() : request.getRemotePort());
    }

    /** udp or tcp. */
    public String transport() {
        return request.getTopmostVia() == null ? "udp" : request.getTopmostVia().getTransport().toLowerCase(
                java.util.Locale.ROOT);
    }

    /** The Contact header's URIs with their expires parameter (-1 when absent); "*" gives one null URI. */
    public List<ContactEntry> contacts() {
        return SipUris.contacts(request);
    }

    /** A Contact of a REGISTER: the URI as written, and its expires parameter (-1 when absent). */
    public record ContactEntry(String uri, int expires) {
        public boolean isWildcard() {
            return uri == null;
        }
    }

    /** Sends a final or provisional response; a second final response is ignored and reported as false. */
    public boolean respond(SipResponse response) {
        if (response.status() >= 200 && !answered.compareAndSet(false, true)) {
            return false;
        }
        return endpoint.respond(transaction, request, response);
    }

    ServerTransaction transaction() {
        return transaction;
    }

    /** A leg answers this INVITE from now on; {@link #respond} no longer sends its final answer. */
    void claimedByLeg() {
        answered.set(true);
    }

    /** The raw request URI for messages and logs. */
    public String requestUriText() {
        URI uri = request.getRequestURI();
        return uri == null ? "" : uri.toString();
    }
}
