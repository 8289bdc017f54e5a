package io.callisto.gateway.media.rtp;

import java.net.InetSocketAddress;

/**
 * Symmetric RTP (RFC 4961 practice, "comedia"): where to send a leg's media, learned from where its
 * media comes from, because NATs and carrier SBCs rarely send from the address their SDP names.
 * <ul>
 *   <li>Until a packet arrives, send to the SDP address.</li>
 *   <li>The first valid packet latches: its source becomes the destination.</li>
 *   <li>After that, packets from other sources are refused (dropped and counted by the caller),
 *       unless one new source sends {@code threshold} valid packets in a row with none from the
 *       latched source in between; then the latch moves there. A lone spoofed packet, or a stray
 *       burst shorter than the threshold, can neither redirect the media nor be relayed. A source
 *       that can sustain a stream from a new address can still take over: that is the cost of
 *       following a peer that legitimately moves (NAT rebinding, SBC failover) without SRTP.</li>
 *   <li>A packet from the SDP address itself always latches: that is where signalling said the peer is.</li>
 *   <li>When signalling moves the leg to another peer (a transfer: the SDP address changes), the previous
 *       peer, which may go on sending for a moment, does not latch at once: it has to reach the threshold
 *       like any stranger, so the new peer, heard first at the SDP address, is not shut out.</li>
 * </ul>
 * Confined to the loop thread, except the volatile reads for monitoring.
 */
public final class SourceLatch {

    private final int threshold;
    private volatile InetSocketAddress advertised;
    private volatile InetSocketAddress latched;
    private InetSocketAddress previousPeer;
    private InetSocketAddress candidate;
    private int candidateCount;
    private long relatches;

    SourceLatch(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("relatch threshold must be >= 1, got " + threshold);
        }
        this.threshold = threshold;
    }

    /** True when a valid packet from {@code source} is accepted; may latch or re-latch. */
    boolean accept(InetSocketAddress source) {
        InetSocketAddress current = latched;
        if (current == null && !source.equals(previousPeer) || source.equals(advertised) && !source.equals(current)) {
            latched = source;
            candidate = null;
            candidateCount = 0;
            if (current != null) {
                relatches++;
            }
            return true;
        }
        if (current != null && (current == source || current.equals(source))) {
            candidateCount = 0;
            return true;
        }
        if (candidateCount > 0 && candidate.equals(source)) {
            candidateCount++;
        } else {
            candidate = source;
            candidateCount = 1;
        }
        if (candidateCount >= threshold) {
            latched = source;
            candidate = null;
            candidateCount = 0;
            relatches++;
            return true;
        }
        return false;
    }

    /** Latched source, else the SDP address, else null (nowhere to send yet). */
    InetSocketAddress destination() {
        InetSocketAddress current = latched;
        return current != null ? current : advertised;
    }

    /** Forgets the latch and learns a new SDP address (re-INVITE, late answer). */
    void reset(InetSocketAddress sdpAddress) {
        boolean moved = advertised != null && !advertised.equals(sdpAddress);
        previousPeer = moved ? latched : null;
        advertised = sdpAddress;
        latched = null;
        candidate = null;
        candidateCount = 0;
    }

    /** The source latched to, or null while still sending to the SDP address. */
    public InetSocketAddress latched() {
        return latched;
    }

    public InetSocketAddress advertised() {
        return advertised;
    }

    /** How many times the latch moved to a new source after the first. */
    long relatches() {
        return relatches;
    }
}
