package io.callisto.gateway.sip.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;

/** JAIN-SIP URIs and Contact headers turned into Callisto's own values. */
final class SipUris {
    private SipUris() {
    }

    static SipUri of(URI uri) {
        if (uri instanceof SipURI sip) {
            return new SipUri(sip.getUser(), sip.getHost(), sip.getPort(), sip.getTransportParam());
        }
        // tel: and other schemes: the whole thing as the user part, no host
        return new SipUri(uri == null ? null : uri.toString(), "", -1, null);
    }

    static List<IncomingRequest.ContactEntry> contacts(Request request) {
        List<IncomingRequest.ContactEntry> entries = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            ContactHeader contact = (ContactHeader) it.next();
            if (contact.isWildCard()) {
                entries.add(new IncomingRequest.ContactEntry(null, -1));
            } else {
                entries.add(new IncomingRequest.ContactEntry(contact.getAddress().getURI().toString(),
                        contact.getExpires()));
            }
        }
        return entries;
    }
}
