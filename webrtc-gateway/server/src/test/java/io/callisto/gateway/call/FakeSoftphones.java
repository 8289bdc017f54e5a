package io.callisto.gateway.call;

import io.callisto.core.ids.TenantId;
import io.callisto.gateway.media.rtp.LegInput;
import io.callisto.gateway.media.rtp.PacketTransport;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.RtpPacket;
import io.callisto.gateway.media.rtp.Side;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Browser softphones without a browser, for call control's tests: a connected agent's softphone rings with each call,
 * answers on request with the SDP a browser leg would give, and carries its media over a {@link PacketTransport}
 * attached to the relay as a browser's SRTP would be (plain packets, no ICE or DTLS). It sends a 20 ms packet of
 * "voice" every 20 ms while connected and counts what it hears, by SSRC, wherever its media is moved.
 */
final class FakeSoftphones implements BrowserAgents {
    private final Map<String, Phone> phones = new ConcurrentHashMap<>();

    /** The agent's softphone is connected from now on. */
    Phone connect(String agentId) {
        return phones.computeIfAbsent(agentId, Phone::new);
    }

    @Override
    public Optional<AgentLeg> ring(Ring ring, AgentLegEvents events) {
        Phone phone = phones.get(ring.agentId());
        if (phone == null || phone.leg != null) {
            return Optional.empty();
        }
        Leg leg = new Leg(phone, ring, events);
        phone.heardBySsrc.clear(); // what it hears is counted per call
        phone.leg = leg;
        phone.rings.add(ring);
        events.ringing();
        return Optional.of(leg);
    }

    @Override
    public boolean isConnected(TenantId tenant, String agentId) {
        return phones.containsKey(agentId);
    }

    /** One agent's softphone. */
    static final class Phone {
        final String agentId;
        final BlockingQueue<Ring> rings = new LinkedBlockingQueue<>();
        final BlockingQueue<String> ended = new LinkedBlockingQueue<>();
        /** What the current (or last) call heard, by SSRC. */
        final Map<Integer, AtomicLong> heardBySsrc = new ConcurrentHashMap<>();
        volatile Leg leg;
        volatile String consult;
        /** Runs when call control hangs the phone's call up (what the page would then do at once). */
        volatile java.util.function.Consumer<Ring> onHungUp = ring -> { };

        Phone(String agentId) {
            this.agentId = agentId;
        }

        Leg leg() {
            return leg;
        }

        long heard() {
            return heardBySsrc.values().stream().mapToLong(AtomicLong::get).sum();
        }

        Set<Integer> ssrcsHeard() {
            return Set.copyOf(heardBySsrc.keySet());
        }
    }

    /** A call on a fake softphone: the agent's leg. */
    static final class Leg implements AgentLeg, PacketTransport {
        private final Phone phone;
        private final AgentLegEvents events;
        private volatile Ring ring;
        private volatile LegInput input;
        private volatile boolean ended;
        private Thread talker;

        Leg(Phone phone, Ring ring, AgentLegEvents events) {
            this.phone = phone;
            this.ring = ring;
            this.events = events;
        }

        AgentLegEvents events() {
            return events;
        }

        Ring ring() {
            return ring;
        }

        /** Answers as the softphone package would: media attached to the ring's side, an answer naming the peer. */
        synchronized void answer() {
            java.net.InetSocketAddress peer = new java.net.InetSocketAddress("127.0.0.1", 9);
            input = ring.bridge().attach(ring.side(), this, peer);
            talker = Thread.ofVirtual().start(this::talk);
            int type = "PCMA".equalsIgnoreCase(ring.codec()) ? 8 : 0;
            events.answered("v=0\r\no=browser 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 9 RTP/AVP " + type + "\r\na=rtpmap:" + type + " " + ring.codec().toUpperCase(
                    java.util.Locale.ROOT) + "/8000\r\na=sendrecv\r\n");
        }

        private void talk() {
            int ssrc = 0x0B0B0000 | (phone.agentId.hashCode() & 0xFFFF);
            for (int seq = 1; !ended; seq++) {
                byte[] packet = new byte[172];
                ByteBuffer buf = ByteBuffer.wrap(packet);
                RtpPacket.writeHeader(buf, 0, false, "PCMA".equalsIgnoreCase(ring.codec()) ? 8 : 0, seq & 0xFFFF,
                        seq * 160, ssrc);
                java.util.Arrays.fill(packet, 12, 172, (byte) 0x55);
                LegInput target = input;
                if (target != null) {
                    target.receive(packet, packet.length);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public boolean sendRtp(ByteBuffer buf, int len) {
            phone.heardBySsrc.computeIfAbsent(RtpPacket.ssrc(buf, 0), k -> new AtomicLong()).incrementAndGet();
            return true;
        }

        @Override
        public boolean sendRtcp(ByteBuffer buf, int len) {
            return true;
        }

        @Override
        public synchronized void hangUp() {
            if (!ended) {
                phone.onHungUp.accept(ring);
            }
            end("hangup");
        }

        private void end(String why) {
            if (!ended) {
                ended = true;
                ring.bridge().detach(ring.side(), this);
                phone.leg = null;
                phone.ended.add(why);
            }
        }

        @Override
        public boolean isEnded() {
            return ended;
        }

        @Override
        public synchronized void transferSucceeded() {
            end("transferred");
        }

        @Override
        public void transferFailed() {
            phone.ended.add("transfer-failed");
        }

        @Override
        public synchronized boolean moveMedia(RtpBridge bridge, Side side) {
            if (ended || input == null) {
                return false;
            }
            java.net.InetSocketAddress peer = new java.net.InetSocketAddress("127.0.0.1", 9);
            input = bridge.attach(side, this, peer, ring.bridge().detachContinuing(ring.side(), this));
            ring = ring.at(bridge, side);
            return true;
        }

        @Override
        public void consultation(String colleagueId, String state, String why) {
            phone.consult = colleagueId == null ? "over" + (why == null ? "" : ": " + why) : colleagueId + " " + state;
        }

        @Override
        public void nowWithCustomer(String from, String to, String queueId, io.callisto.core.acd.ContactRef contact) {
            ring = ring.withCustomer(from, to, queueId, contact);
        }
    }
}
