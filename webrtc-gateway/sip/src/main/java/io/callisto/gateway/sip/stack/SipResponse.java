package io.callisto.gateway.sip.stack;

import java.util.ArrayList;
import java.util.List;

/** A response call control sends: status, optional reason phrase, extra headers, optional body. */
public record SipResponse(int status, String reason, List<SipHeader> headers, String contentType, String body) {
    public SipResponse {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("SIP status must be 100..699");
        }
        headers = List.copyOf(headers);
    }

    public static SipResponse of(int status) {
        return new SipResponse(status, null, List.of(), null, null);
    }

    public static SipResponse of(int status, String reason) {
        return new SipResponse(status, reason, List.of(), null, null);
    }

    public SipResponse withHeader(String name, String value) {
        List<SipHeader> more = new ArrayList<>(headers);
        more.add(new SipHeader(name, value));
        return new SipResponse(status, reason, more, contentType, body);
    }

    public SipResponse withBody(String type, String content) {
        return new SipResponse(status, reason, headers, type, content);
    }
}
