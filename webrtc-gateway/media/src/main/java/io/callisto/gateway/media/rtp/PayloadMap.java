package io.callisto.gateway.media.rtp;

import java.util.Arrays;

/**
 * Payload-type translation for one direction of a bridge, built by call control from the two
 * negotiated SDPs: e.g. the caller's telephone-event is 101 and the agent's 96, so 101 maps to 96.
 * A 128-entry table, one array read per packet; an entry is the outgoing type, with a flag bit for
 * telephone-event (RFC 4733), or {@link #DROP}. Immutable, so it is published safely by a volatile write.
 */
public final class PayloadMap {

    /** Table entry: packets of this type are dropped. */
    public static final int DROP = -1;
    static final int TELEPHONE_EVENT = 0x100;
    static final int TYPE_MASK = 0x7F;

    private static final PayloadMap IDENTITY = identityMap();

    private final int[] table;

    private PayloadMap(int[] table) {
        this.table = table;
    }

    /** Every payload type passes unchanged, none is treated as telephone-event. */
    public static PayloadMap identity() {
        return IDENTITY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The outgoing payload type for an incoming one, or {@link #DROP}. */
    public int map(int payloadType) {
        int entry = table[payloadType & TYPE_MASK];
        return entry < 0 ? DROP : entry & TYPE_MASK;
    }

    public boolean isTelephoneEvent(int payloadType) {
        int entry = table[payloadType & TYPE_MASK];
        return entry >= 0 && (entry & TELEPHONE_EVENT) != 0;
    }

    /** Raw table entry for the hot path: negative = drop, low 7 bits = outgoing type, {@link #TELEPHONE_EVENT} flag. */
    int entry(int payloadType) {
        return table[payloadType & TYPE_MASK];
    }

    @Override
    public String toString() {
        if (this == IDENTITY) {
            return "PayloadMap[identity]";
        }
        StringBuilder text = new StringBuilder("PayloadMap[");
        for (int pt = 0; pt < table.length; pt++) {
            if (table[pt] >= 0) {
                text.append(' ').append(pt).append("->").append(table[pt] & TYPE_MASK)
                        .append((table[pt] & TELEPHONE_EVENT) != 0 ? "(te)" : "");
            }
        }
        return text.append(" ]").toString();
    }

    private static PayloadMap identityMap() {
        int[] table = new int[128];
        for (int pt = 0; pt < table.length; pt++) {
            table[pt] = pt;
        }
        return new PayloadMap(table);
    }

    /** Starts with every type dropped; add what the two SDPs agreed on. */
    public static final class Builder {

        private final int[] table = new int[128];

        private Builder() {
            Arrays.fill(table, DROP);
        }

        /** An audio type forwarded with the same number (e.g. 0 PCMU, 8 PCMA). */
        public Builder audio(int payloadType) {
            return audio(payloadType, payloadType);
        }

        /** An audio type renumbered on the way through. */
        public Builder audio(int incoming, int outgoing) {
            table[check(incoming)] = check(outgoing);
            return this;
        }

        /** RFC 4733 telephone-event: counted, not tapped for recording, renumbered if needed. */
        public Builder telephoneEvent(int incoming, int outgoing) {
            table[check(incoming)] = check(outgoing) | TELEPHONE_EVENT;
            return this;
        }

        public PayloadMap build() {
            return new PayloadMap(table.clone());
        }

        private static int check(int payloadType) {
            if (payloadType < 0 || payloadType > 127) {
                throw new IllegalArgumentException("RTP payload type must be 0..127, got " + payloadType);
            }
            if (payloadType >= 72 && payloadType <= 76) {
                throw new IllegalArgumentException("RTP payload type " + payloadType + " collides with RTCP (RFC 5761)");
            }
            return payloadType;
        }
    }
}
