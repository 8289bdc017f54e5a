package io.callisto.gateway.media.rtp;

/**
 * Feeds a leg whose media arrives over a {@link PacketTransport} (a browser's SRTP, already checked and decrypted) into
 * its bridge, from any thread. Packets are copied and judged on the bridge's loop like those from a UDP port; once the
 * leg is detached or given another transport, this input drops what it is handed.
 */
public interface LegInput {
    /** One decrypted RTP or RTCP datagram (told apart as on a muxed port). */
    void receive(byte[] packet, int length);
}
