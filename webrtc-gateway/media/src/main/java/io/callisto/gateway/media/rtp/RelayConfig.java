package io.callisto.gateway.media.rtp;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Settings of a {@link RelayEngine}.
 *
 * @param bindAddress      local address of every RTP/RTCP socket (the address our SDP advertises,
 *                         or the private one behind a 1:1 NAT)
 * @param ports            RTP port range, e.g. {@code PortRange.parse(System.getenv("CALLISTO_RTP_PORTS"))}
 * @param ioThreads        selector loops; a bridge (both legs) lives on one of them
 * @param relatchThreshold consecutive packets a new source must send before symmetric RTP re-latches
 */
public record RelayConfig(InetAddress bindAddress, PortRange ports, int ioThreads, int relatchThreshold) {

    /** Re-latch after 5 packets (100 ms of 20 ms audio): longer than a stray burst, short for a real move. */
    public static final int DEFAULT_RELATCH_THRESHOLD = 5;

    public RelayConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(ports, "ports");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1, got " + ioThreads);
        }
        if (relatchThreshold < 1) {
            throw new IllegalArgumentException("relatchThreshold must be >= 1, got " + relatchThreshold);
        }
    }

    /** Defaults: max(1, cores / 2) I/O threads, re-latch after {@link #DEFAULT_RELATCH_THRESHOLD} packets. */
    public static RelayConfig of(InetAddress bindAddress, PortRange ports) {
        return new RelayConfig(bindAddress, ports, defaultIoThreads(), DEFAULT_RELATCH_THRESHOLD);
    }

    public static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public RelayConfig withIoThreads(int threads) {
        return new RelayConfig(bindAddress, ports, threads, relatchThreshold);
    }

    public RelayConfig withRelatchThreshold(int packets) {
        return new RelayConfig(bindAddress, ports, ioThreads, packets);
    }
}
