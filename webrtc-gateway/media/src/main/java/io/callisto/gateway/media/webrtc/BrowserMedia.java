package io.callisto.gateway.media.webrtc;

import io.callisto.gateway.media.rtp.LegInput;
import io.callisto.gateway.media.rtp.PacketTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DTLSTransport;

/**
 * The media of one browser leg, end to end: ICE (the gateway answering), then the DTLS handshake (the gateway
 * serving, the browser's certificate checked against its offer), then SRTP both ways. As a {@link PacketTransport} it
 * protects what the relay sends the browser; what the browser sends is checked, decrypted and handed to the relay's
 * {@link LegInput}. Packets failing authentication or replay checks never reach the relay.
 */
public final class BrowserMedia implements PacketTransport, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BrowserMedia.class.getName());
    private final IceSession ice;
    private final DtlsIdentity identity;
    private final BrowserOffer offer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile SrtpSession srtp;
    private volatile DTLSTransport dtls;
    private volatile LegInput input;

    private BrowserMedia(IceSession ice, DtlsIdentity identity, BrowserOffer offer) {
        this.ice = ice;
        this.identity = identity;
        this.offer = offer;
    }

    /** Starts ICE for the offer; answer with {@link #iceUfrag()}, {@link #icePassword()} and {@link #candidates()}. */
    public static BrowserMedia start(IcePort port, DtlsIdentity identity, BrowserOffer offer) {
        IceSession ice = IceSession.answer(port, offer.iceUfrag(), offer.icePassword(), offer.candidates());
        return new BrowserMedia(ice, identity, offer);
    }

    public String iceUfrag() {
        return ice.localUfrag();
    }

    public String icePassword() {
        return ice.localPassword();
    }

    public java.util.List<IceCandidate> candidates() {
        return ice.localCandidates();
    }

    public String fingerprint() {
        return identity.fingerprint();
    }

    /** A trickled browser candidate; false when refused (not UDP IPv4 in the allowed networks). */
    public boolean addCandidate(IceCandidate candidate) {
        return !closed.get() && ice.addRemoteCandidate(candidate);
    }

    public long refusedCandidates() {
        return ice.refusedCandidates();
    }

    /**
     * Waits for ICE, then runs the DTLS handshake, each within {@code timeout}, on a virtual thread. Completes with the
     * browser's address on the selected pair once SRTP can flow; fails with {@link DtlsException} or
     * {@link IceFailedException}, the leg then being closed.
     */
    public CompletableFuture<InetSocketAddress> connect(Duration timeout) {
        CompletableFuture<InetSocketAddress> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("browser-media-connect").start(() -> {
            try {
                if (!ice.awaitConnected(timeout)) {
                    throw new IceFailedException("ICE did not connect within " + timeout.toSeconds() + " s ("
                            + ice.state() + ", " + ice.refusedCandidates() + " candidates refused)");
                }
                ice.onMedia(this::received);
                DtlsHandshake.Established established = DtlsHandshake.accept(identity, offer.fingerprint(), ice.dtls(),
                        timeout);
                dtls = established.connection();
                srtp = new SrtpSession(established.keys(), true);
                if (closed.get()) {
                    throw new IceFailedException("the leg was closed while connecting");
                }
                ready.complete(ice.remoteAddress().orElseThrow(() -> new IceFailedException("no selected pair")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                ready.completeExceptionally(e);
            } catch (DtlsException | RuntimeException e) {
                close();
                ready.completeExceptionally(e);
            }
        });
        return ready;
    }

    /** The browser's address on the selected ICE pair, once there is one. */
    public java.util.Optional<InetSocketAddress> remoteAddress() {
        return ice.remoteAddress();
    }

    /** Runs when the browser is gone after connecting (consent checks unanswered) or ICE failed. */
    public void onFailure(Runnable handler) {
        ice.onFailure(handler);
    }

    /** Where the decrypted packets go from now on (the relay leg this media is attached to). */
    public void deliverTo(LegInput target) {
        input = target;
    }

    /** SRTP statistics: decrypted, refused as forged or damaged, refused as replays. */
    public long packetsDecrypted() {
        SrtpSession session = srtp;
        return session == null ? 0 : session.unprotected();
    }

    public long authFailures() {
        SrtpSession session = srtp;
        return session == null ? 0 : session.authFailures();
    }

    public long replays() {
        SrtpSession session = srtp;
        return session == null ? 0 : session.replays();
    }

    public long packetsSent() {
        return sent.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    public SrtpProfile profile() {
        SrtpSession session = srtp;
        return session == null ? null : session.profile();
    }

    private void received(byte[] packet) {
        SrtpSession session = srtp;
        LegInput target = input;
        if (session == null || closed.get()) {
            return;
        }
        int second = packet.length > 1 ? packet[1] & 0xff : 0;
        // RFC 5761 4: RTCP packet types 192-223 (SR, RR, SDES, BYE, APP, RTPFB, PSFB, XR) in the second byte
        boolean rtcp = second >= 192 && second <= 223;
        byte[] plain = rtcp ? session.unprotectRtcp(packet, 0, packet.length)
                : session.unprotectRtp(packet, 0, packet.length);
        if (plain != null && target != null) {
            target.receive(plain, plain.length);
        }
    }

    @Override
    public boolean sendRtp(ByteBuffer buf, int len) {
        return send(buf, len, false);
    }

    @Override
    public boolean sendRtcp(ByteBuffer buf, int len) {
        return send(buf, len, true);
    }

    private boolean send(ByteBuffer buf, int len, boolean rtcp) {
        SrtpSession session = srtp;
        if (session == null || closed.get()) {
            return false;
        }
        byte[] packet = new byte[len];
        buf.get(0, packet, 0, len);
        try {
            byte[] protectedPacket = rtcp ? session.protectRtcp(packet, 0, len) : session.protectRtp(packet, 0, len);
            ice.send(protectedPacket, 0, protectedPacket.length);
            sent.incrementAndGet();
            return true;
        } catch (IOException | RuntimeException e) {
            if (sendFailures.incrementAndGet() <= 3) {
                LOG.log(System.Logger.Level.DEBUG, "SRTP send to the browser failed: " + e);
            }
            return false;
        }
    }

    /** Ends the leg: a DTLS close_notify if connected, then the ICE agent (its port stays, shared). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        DTLSTransport connection = dtls;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "DTLS close: " + e);
            }
        }
        ice.close();
    }
}
