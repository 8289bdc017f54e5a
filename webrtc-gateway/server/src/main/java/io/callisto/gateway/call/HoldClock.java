package io.callisto.gateway.call;

import io.callisto.gateway.media.rtp.Side;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a call has been on hold: from a re-INVITE that stops one side sending to the gateway (sendonly or inactive
 * offered, so we only receive or nothing) until both send again. Either side's hold counts, overlapping time once.
 */
final class HoldClock {
    private boolean heldByA;
    private boolean heldByB;
    private Instant since;
    private Duration total = Duration.ZERO;

    synchronized void set(Side side, boolean held, Instant now) {
        boolean before = heldByA || heldByB;
        if (side == Side.A) {
            heldByA = held;
        } else {
            heldByB = held;
        }
        boolean after = heldByA || heldByB;
        if (!before && after) {
            since = now;
        } else if (before && !after) {
            total = total.plus(Duration.between(since, now));
            since = null;
        }
    }

    /** Whole seconds on hold until {@code now} (a hold still on counts up to now). */
    synchronized long seconds(Instant now) {
        Duration sum = since == null ? total : total.plus(Duration.between(since, now));
        return sum.toSeconds();
    }

    /**
     * Whether a negotiated answer puts the call on hold: the far end offered not to receive from us (sendonly or
     * inactive), or the old RFC 2543 way, address 0.0.0.0.
     */
    static boolean holds(io.callisto.gateway.sip.sdp.NegotiatedMedia answered) {
        return answered.direction() == io.callisto.gateway.sip.sdp.Direction.RECVONLY
                || answered.direction() == io.callisto.gateway.sip.sdp.Direction.INACTIVE
                || "0.0.0.0".equals(answered.remoteAddress());
    }
}
