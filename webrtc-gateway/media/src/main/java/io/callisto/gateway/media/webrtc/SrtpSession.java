package io.callisto.gateway.media.webrtc;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP for one browser leg, keyed by its DTLS handshake: what the gateway sends is protected with its own
 * side's key (the DTLS server's), what it receives is checked and decrypted with the peer's. One crypto context per
 * SSRC and direction, derived once (its replay window and rollover counter live in it). Packets that fail
 * authentication or replay checks are dropped and counted, never passed on.
 */
public final class SrtpSession {
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    private final SrtpProfile profile;
    private final SrtpContextFactory sender;
    private final SrtpContextFactory receiver;
    private final Map<Integer, SrtpCryptoContext> sendRtp = new HashMap<>();
    private final Map<Integer, SrtpCryptoContext> receiveRtp = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> sendRtcp = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> receiveRtcp = new HashMap<>();
    private final AtomicLong authFailures = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong unprotected = new AtomicLong();

    /** {@code dtlsServer}: this side was the DTLS server (the gateway toward browsers always is). */
    public SrtpSession(SrtpKeys keys, boolean dtlsServer) {
        this.profile = keys.profile();
        LoggerImpl logger = new LoggerImpl(SrtpSession.class.getName());
        byte[] ownKey = dtlsServer ? keys.serverKey() : keys.clientKey();
        byte[] ownSalt = dtlsServer ? keys.serverSalt() : keys.clientSalt();
        byte[] peerKey = dtlsServer ? keys.clientKey() : keys.serverKey();
        byte[] peerSalt = dtlsServer ? keys.clientSalt() : keys.serverSalt();
        this.sender = new SrtpContextFactory(true, ownKey, ownSalt, profile.policy(), profile.policy(), logger);
        this.receiver = new SrtpContextFactory(false, peerKey, peerSalt, profile.policy(), profile.policy(), logger);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Protects an RTP packet; the result is longer by the profile's tag. */
    public synchronized byte[] protectRtp(byte[] packet, int offset, int length) {
        requireLength(length, RTP_HEADER);
        PacketBuffer buffer = new PacketBuffer(packet, offset, length, profile.tagLength());
        try {
            SrtpCryptoContext context = sendRtp.computeIfAbsent(ssrc(packet, offset + 8), this::sendContext);
            check(context.transformPacket(buffer), "protect RTP");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTP protection failed", e);
        }
        return buffer.bytes();
    }

    /** The RTP packet inside an SRTP one, or null when it fails authentication, is a replay or is malformed. */
    public synchronized byte[] unprotectRtp(byte[] packet, int offset, int length) {
        if (length < RTP_HEADER + profile.tagLength()) {
            authFailures.incrementAndGet();
            return null;
        }
        PacketBuffer buffer = new PacketBuffer(packet, offset, length, 0);
        try {
            SrtpCryptoContext context = receiveRtp.computeIfAbsent(ssrc(packet, offset + 8), this::receiveContext);
            return accepted(context.reverseTransformPacket(buffer, false)) ? buffer.bytes() : null;
        } catch (GeneralSecurityException e) {
            authFailures.incrementAndGet();
            return null;
        }
    }

    /** Protects an RTCP packet (compound or not). */
    public synchronized byte[] protectRtcp(byte[] packet, int offset, int length) {
        requireLength(length, RTCP_HEADER);
        PacketBuffer buffer = new PacketBuffer(packet, offset, length, profile.tagLength() + 4);
        try {
            SrtcpCryptoContext context = sendRtcp.computeIfAbsent(ssrc(packet, offset + 4), this::sendControlContext);
            check(context.transformPacket(buffer), "protect RTCP");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTCP protection failed", e);
        }
        return buffer.bytes();
    }

    /** The RTCP packet inside an SRTCP one, or null when it fails authentication, is a replay or is malformed. */
    public synchronized byte[] unprotectRtcp(byte[] packet, int offset, int length) {
        if (length < RTCP_HEADER + 4 + profile.tagLength()) {
            authFailures.incrementAndGet();
            return null;
        }
        PacketBuffer buffer = new PacketBuffer(packet, offset, length, 0);
        try {
            SrtcpCryptoContext context = receiveRtcp.computeIfAbsent(ssrc(packet, offset + 4),
                    this::receiveControlContext);
            return accepted(context.reverseTransformPacket(buffer)) ? buffer.bytes() : null;
        } catch (GeneralSecurityException e) {
            authFailures.incrementAndGet();
            return null;
        }
    }

    /** Packets refused because their authentication tag (or GCM check) failed, or they were too short. */
    public long authFailures() {
        return authFailures.get();
    }

    /** Packets refused as replays (seen before, or older than the replay window). */
    public long replays() {
        return replays.get();
    }

    /** Packets received and decrypted. */
    public long unprotected() {
        return unprotected.get();
    }

    private boolean accepted(SrtpErrorStatus status) {
        switch (status) {
            case OK -> {
                unprotected.incrementAndGet();
                return true;
            }
            case REPLAY_FAIL, REPLAY_OLD -> replays.incrementAndGet();
            default -> authFailures.incrementAndGet();
        }
        return false;
    }

    private static void check(SrtpErrorStatus status, String what) {
        if (status != SrtpErrorStatus.OK) {
            throw new IllegalStateException("cannot " + what + ": " + status);
        }
    }

    private static void requireLength(int length, int header) {
        if (length < header) {
            throw new IllegalArgumentException("a packet of " + length + " bytes has no header");
        }
    }

    private static int ssrc(byte[] packet, int at) {
        return (packet[at] & 0xff) << 24 | (packet[at + 1] & 0xff) << 16 | (packet[at + 2] & 0xff) << 8
                | packet[at + 3] & 0xff;
    }

    private SrtpCryptoContext sendContext(int ssrc) {
        return derive(() -> sender.deriveContext(ssrc, 0));
    }

    private SrtpCryptoContext receiveContext(int ssrc) {
        return derive(() -> receiver.deriveContext(ssrc, 0));
    }

    private SrtcpCryptoContext sendControlContext(int ssrc) {
        return derive(() -> sender.deriveControlContext(ssrc));
    }

    private SrtcpCryptoContext receiveControlContext(int ssrc) {
        return derive(() -> receiver.deriveControlContext(ssrc));
    }

    @FunctionalInterface
    private interface Derivation<T> {
        T derive() throws GeneralSecurityException;
    }

    private static <T> T derive(Derivation<T> derivation) {
        try {
            return derivation.derive();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive an SRTP context", e);
        }
    }
}
