package io.callisto.gateway.media.rtp;

/** What {@link LegStats} counts for one leg. "Received" is from the leg's peer, "sent" is to it. */
public enum LegCounter {
    /** Valid RTP packets accepted from the peer. */
    RTP_RECEIVED,
    /** Bytes of those packets (whole datagrams). */
    RTP_RECEIVED_BYTES,
    /** RTP packets sent to the peer (relayed or prompts). */
    RTP_SENT,
    RTP_SENT_BYTES,
    RTCP_RECEIVED,
    RTCP_SENT,
    /** Too short, not version 2, header or padding past the end. */
    DROPPED_MALFORMED,
    /** Valid packets from a source other than the latched one. */
    DROPPED_FOREIGN_SOURCE,
    /** Payload type mapped to drop by the direction's {@link PayloadMap}. */
    DROPPED_PAYLOAD_TYPE,
    /** Not forwarded because of a direction (hold) or a prompt playing toward the other leg. */
    DROPPED_DIRECTION,
    /** Could not be sent: no destination known yet, socket buffer full or send error. */
    DROPPED_SEND,
    /** RFC 4733 events started (counted once per event, not per packet). */
    TELEPHONE_EVENTS
}
