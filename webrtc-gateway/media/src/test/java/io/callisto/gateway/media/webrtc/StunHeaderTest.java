package io.callisto.gateway.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StunHeaderTest {

    /** A STUN message: type, the magic cookie, a transaction id and the attributes given as type-value pairs. */
    private static ByteBuffer stun(int type, Object... attributes) {
        ByteBuffer body = ByteBuffer.allocate(512);
        for (int i = 0; i < attributes.length; i += 2) {
            byte[] value = ((String) attributes[i + 1]).getBytes(StandardCharsets.UTF_8);
            body.putShort((short) (int) attributes[i]).putShort((short) value.length).put(value);
            body.position(body.position() + ((4 - value.length % 4) % 4));
        }
        ByteBuffer message = ByteBuffer.allocate(20 + body.position());
        message.putShort((short) type).putShort((short) body.position()).putInt(0x2112A442).put(new byte[12]);
        message.put(body.flip());
        return message;
    }

    @Test
    void aBindingRequestNamesTheGatewaysUfragFirst() {
        ByteBuffer request = stun(0x0001, 0x0024, "prio", 0x0006, "gw7k:brwsr", 0x0008, "mac-mac-mac-mac-mac-");
        assertThat(StunHeader.isStun(request, request.capacity())).isTrue();
        assertThat(StunHeader.localUfrag(request, request.capacity())).isEqualTo("gw7k");
    }

    @Test
    void otherMessagesAndOtherProtocolsNameNoOne() {
        ByteBuffer response = stun(0x0101, 0x0006, "gw7k:brwsr");
        assertThat(StunHeader.isStun(response, response.capacity())).isTrue();
        assertThat(StunHeader.localUfrag(response, response.capacity())).as("a response").isNull();
        ByteBuffer noUsername = stun(0x0001, 0x0024, "prio");
        assertThat(StunHeader.localUfrag(noUsername, noUsername.capacity())).isNull();
        ByteBuffer noColon = stun(0x0001, 0x0006, "gw7k");
        assertThat(StunHeader.localUfrag(noColon, noColon.capacity())).isNull();

        ByteBuffer rtp = ByteBuffer.allocate(172).put(0, (byte) 0x80).putInt(4, 0x2112A442);
        assertThat(StunHeader.isStun(rtp, 172)).as("RTP (first bits 10)").isFalse();
        ByteBuffer dtls = ByteBuffer.allocate(100).put(0, (byte) 22);
        assertThat(StunHeader.isStun(dtls, 100)).as("DTLS").isFalse();
    }

    @Test
    void truncatedOrLyingMessagesAreRefused() {
        ByteBuffer request = stun(0x0001, 0x0006, "gw7k:brwsr");
        assertThat(StunHeader.isStun(request, 19)).as("shorter than a header").isFalse();
        assertThat(StunHeader.isStun(request, request.capacity() - 4)).as("its length says more than arrived")
                .isFalse();
        ByteBuffer lying = stun(0x0001, 0x0006, "gw7k:brwsr");
        lying.putShort(22, (short) 400); // the USERNAME attribute claims to run past the message
        assertThat(StunHeader.localUfrag(lying, lying.capacity())).isNull();
        ByteBuffer noCookie = stun(0x0001, 0x0006, "gw7k:brwsr").putInt(4, 0x12345678);
        assertThat(StunHeader.isStun(noCookie, noCookie.capacity())).isFalse();
    }
}
