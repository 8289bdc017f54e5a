package io.callisto.gateway.media.webrtc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Just enough of a STUN message (RFC 5389) to route it: is it STUN, and whose ICE credentials does a request name. */
final class StunHeader {
    private static final int HEADER = 20;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int USERNAME = 0x0006;

    private StunHeader() {
    }

    /** The first two bits zero, a length that fits, and the magic cookie (RFC 7983's test, made stricter). */
    static boolean isStun(ByteBuffer datagram, int length) {
        return length >= HEADER && (datagram.get(0) & 0xC0) == 0 && datagram.getInt(4) == MAGIC_COOKIE
                && HEADER + (datagram.getShort(2) & 0xffff) <= length;
    }

    /**
     * The gateway's ufrag in a Binding request's USERNAME ("ours:theirs", RFC 8445 7.2.2), or null when the message
     * is no Binding request or names none. The message is not authenticated here; ice4j checks its integrity.
     */
    static String localUfrag(ByteBuffer datagram, int length) {
        if (!isStun(datagram, length) || (datagram.getShort(0) & 0xffff) != BINDING_REQUEST) {
            return null;
        }
        int end = HEADER + (datagram.getShort(2) & 0xffff);
        int at = HEADER;
        while (at + 4 <= end) {
            int type = datagram.getShort(at) & 0xffff;
            int size = datagram.getShort(at + 2) & 0xffff;
            if (at + 4 + size > end) {
                return null;
            }
            if (type == USERNAME) {
                byte[] value = new byte[size];
                datagram.get(at + 4, value);
                String username = new String(value, StandardCharsets.UTF_8);
                int colon = username.indexOf(':');
                return colon > 0 ? username.substring(0, colon) : null;
            }
            at += 4 + ((size + 3) & ~3);
        }
        return null;
    }
}
