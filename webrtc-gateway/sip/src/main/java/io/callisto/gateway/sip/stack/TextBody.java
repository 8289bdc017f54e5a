package io.callisto.gateway.sip.stack;

import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/**
 * Text bodies (SDP, sipfrag, DTMF relay, XML, plain text) never hold a NUL byte. One does when the stack, whose read
 * timeout ends a TCP message that stopped short of its Content-Length, hands the message on anyway with the missing
 * bytes left as zeros: such a message must be refused, not acted on.
 */
final class TextBody {
    private TextBody() {
    }

    static boolean hasNul(Message message) {
        byte[] body = message.getRawContent();
        if (body == null || body.length == 0 || !isText((ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME))) {
            return false;
        }
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(ContentTypeHeader type) {
        if (type == null) {
            return true; // a body without a type is read as text by everything downstream
        }
        String main = type.getContentType() == null ? "" : type.getContentType().toLowerCase(java.util.Locale.ROOT);
        String sub = type.getContentSubType() == null ? "" : type.getContentSubType().toLowerCase(java.util.Locale.ROOT);
        return main.equals("text") || main.equals("message") || sub.equals("sdp") || sub.endsWith("+xml")
                || sub.equals("xml") || sub.equals("dtmf-relay") || sub.equals("dtmf");
    }
}
