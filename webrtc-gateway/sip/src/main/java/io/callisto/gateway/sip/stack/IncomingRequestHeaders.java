package io.callisto.gateway.sip.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** A message's header values by name, as on the wire without the name. */
final class IncomingRequestHeaders {
    private IncomingRequestHeaders() {
    }

    static List<String> values(Message message, String name) {
        List<String> values = new ArrayList<>();
        ListIterator<?> it = message.getHeaders(name);
        while (it != null && it.hasNext()) {
            values.add(IncomingRequest.valueOf((Header) it.next()));
        }
        return values;
    }
}
