package io.callisto.gateway.sip.stack;

import java.util.List;
import java.util.Objects;

/**
 * A REGISTER the gateway sends to a carrier for one of its trunks: the registrar's URI (where it goes), the
 * address of record (From and To), the Call-ID and CSeq (one Call-ID per trunk, CSeq rising, as RFC 3261 10.2.4
 * asks of refreshes), the user in our Contact, the expiry asked for, and extra headers (Authorization).
 */
public record OutgoingRegister(String registrarUri, String addressOfRecord, String callId, long cseq, String contactUser,
                               int expires, String transport, List<SipHeader> headers) {
    public OutgoingRegister {
        Objects.requireNonNull(registrarUri);
        Objects.requireNonNull(addressOfRecord);
        Objects.requireNonNull(callId);
        headers = List.copyOf(headers);
    }
}
