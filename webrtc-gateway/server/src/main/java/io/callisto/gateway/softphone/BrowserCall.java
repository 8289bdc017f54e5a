package io.callisto.gateway.softphone;

import io.callisto.gateway.call.AgentLeg;
import io.callisto.gateway.call.AgentLegEvents;
import io.callisto.gateway.call.BrowserAgents;
import io.callisto.gateway.media.audio.DtmfTones;
import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.PromptPlayer;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.media.rtp.StreamRewriter;
import io.callisto.gateway.media.webrtc.BrowserAnswer;
import io.callisto.gateway.media.webrtc.BrowserMedia;
import io.callisto.gateway.media.webrtc.IceCandidate;
import io.callisto.gateway.softphone.BrowserSdp.Negotiated;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A customer's call on an agent's browser softphone: it rings the page, and once the browser's offer arrives, runs
 * its WebRTC media (ICE, DTLS-SRTP) and attaches it to the call's relay in place of a SIP phone's RTP. To call control
 * it is an {@link AgentLeg}: the browser's answer, hold and hang-up reach the call as a SIP phone's would. A page that
 * reloads (or a network that blips) sends a new offer for the same call: new media is attached, the caller stays.
 * Call control is never called while this object's lock is held (it calls back in under its own).
 */
final class BrowserCall implements AgentLeg {
    private static final System.Logger LOG = System.getLogger(BrowserCall.class.getName());
    enum State { RINGING, CONNECTING, CONNECTED, ENDED }

    private volatile BrowserAgents.Ring ring;
    private final String callId;
    private final AgentLegEvents events;
    private final SoftphoneLine line;
    private final SoftphoneMedia mediaConfig;
    private final Instant since;
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private long version;
    private State state = State.RINGING;
    private boolean answered;
    private boolean held;
    private boolean muted;
    private BrowserMedia media;
    private InetSocketAddress peer;
    private BrowserMedia pending;
    /** Media connected while the call rings, not yet attached to the caller (see {@link #prepare}). */
    private BrowserMedia prepared;
    private InetSocketAddress preparedPeer;
    private Negotiated preparedWith;
    private int codecType;
    private boolean farEndAnswered;
    private int telephoneEventType = -1;
    private String consultedAgent;
    private String consultState;

    BrowserCall(BrowserAgents.Ring ring, AgentLegEvents events, SoftphoneLine line, SoftphoneMedia mediaConfig,
                Instant since) {
        this.ring = ring;
        this.callId = ring.callId();
        this.events = events;
        this.line = line;
        this.mediaConfig = mediaConfig;
        this.since = since;
    }

    String id() {
        return callId;
    }

    synchronized State state() {
        return state;
    }

    /** The call as the browser sees it ({@code incoming}, {@code call}, {@code welcome}). */
    synchronized Map<String, Object> describe() {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callId", ring.callId());
        boolean outbound = ring.direction() == BrowserAgents.Direction.OUTBOUND;
        call.put("direction", outbound ? "outbound" : "inbound");
        call.put("state", switch (state) {
            case RINGING -> outbound ? "connecting" : "ringing";
            case CONNECTING -> answered ? "connected" : "connecting";
            case CONNECTED -> outbound && !farEndAnswered ? "ringing" : held || consultedAgent != null ? "held" : "connected";
            case ENDED -> "ended";
        });
        ServerMessages.putParties(call, ring);
        call.put("muted", muted);
        call.put("since", since.toString());
        if (ring.direction() == BrowserAgents.Direction.CONSULTATION) {
            call.put("consultation", Map.of("fromAgentId", ring.from()));
        }
        if (consultedAgent != null) {
            call.put("consult", Map.of("agentId", consultedAgent, "state", consultState));
        }
        return call;
    }

    // ---- from the browser ---------------------------------------------------------------------------

    private Negotiated negotiate(String sdp) {
        return BrowserSdp.negotiate(sdp, ring.codec(), ring.telephoneEvents(), id());
    }

    /** Starts the media for an offer and returns the gateway's SDP answer; the caller holds the lock. */
    private String startMedia(Negotiated negotiated) {
        BrowserMedia next = BrowserMedia.start(mediaConfig.port(), mediaConfig.identity(), negotiated.offer());
        pending = next;
        return new BrowserAnswer(negotiated.offer(), mediaConfig.address(), negotiated.payloadType(),
                ring.codec().toUpperCase(java.util.Locale.ROOT), negotiated.eventType(), next.iceUfrag(),
                next.icePassword(), next.fingerprint(), next.candidates(),
                Integer.toUnsignedLong(ring.bridge().outgoingSsrc(ring.side())), "callisto-" + id(), sessionId,
                ++version, true).toSdp();
    }

    /**
     * The browser's offer: answers it and connects the media in the background. On a ringing call this is the agent
     * answering (a prepared media, if any, is replaced); on a connected one, a reloaded page taking the call back.
     */
    void answer(String sdp) {
        offer(sdp, false);
    }

    /**
     * The browser's offer while the call still rings: the media (ICE, DTLS-SRTP) connects now, apart from the caller,
     * so that the agent's answer has nothing left to negotiate. A second prepare (a reloaded page) replaces the first.
     */
    void prepare(String sdp) {
        offer(sdp, true);
    }

    private void offer(String sdp, boolean prepare) {
        Negotiated negotiated = negotiate(sdp);
        BrowserMedia next;
        BrowserMedia replaced;
        String answer;
        synchronized (this) {
            if (prepare) {
                requireRinging("only a ringing call's media can be prepared");
            } else if (state == State.ENDED) {
                throw new SignallingException("unknown-call", "the call has ended", id());
            } else if (state == State.CONNECTING) {
                throw new SignallingException("invalid-state", "the call's media is already being connected", id());
            }
            replaced = state == State.RINGING ? takePrepared() : null;
            answer = startMedia(negotiated);
            next = pending;
            if (!prepare) {
                state = State.CONNECTING;
            }
        }
        if (replaced != null) {
            replaced.close();
        }
        line.send(prepare ? ServerMessages.prepared(id(), answer) : ServerMessages.answered(id(), answer));
        next.connect(mediaConfig.connectTimeout()).whenComplete((address, error) ->
                Thread.ofVirtual().start(() -> mediaUp(next, address, error, negotiated)));
    }

    /**
     * The agent answers with the media prepared while the call rang: the caller is connected as soon as that media
     * is (at once when it already is). Without a prepared media the browser must send an offer ({@code not-prepared}).
     */
    void answerPrepared() {
        BrowserMedia ready;
        InetSocketAddress address;
        Negotiated negotiated;
        synchronized (this) {
            requireRinging("an answer without an offer (sdp) only answers a ringing call whose media was prepared");
            if (prepared == null && pending == null) {
                throw new SignallingException("not-prepared", "this call has no prepared media: answer with an offer",
                        id());
            }
            state = State.CONNECTING;
            if (prepared == null) {
                return; // the prepare still connecting completes the answer
            }
            ready = prepared;
            address = preparedPeer;
            negotiated = preparedWith;
            pending = ready;
            prepared = null;
        }
        Thread.ofVirtual().start(() -> connected(ready, address, null, negotiated.payloadType(),
                negotiated.eventType()));
    }

    private void requireRinging(String otherwise) {
        if (state == State.ENDED) {
            throw new SignallingException("unknown-call", "the call has ended", id());
        }
        if (state != State.RINGING) {
            throw new SignallingException("invalid-state", otherwise, id());
        }
    }

    /** Takes a prepared (or still preparing) media off the call, for the caller to close; under the lock. */
    private BrowserMedia takePrepared() {
        BrowserMedia taken = prepared != null ? prepared : pending;
        prepared = null;
        pending = null;
        return taken;
    }

    /**
     * A media finished connecting (or failed to). A prepared one waits for the agent's answer; one the agent already
     * answered with connects the call. A media replaced meanwhile is closed.
     */
    private void mediaUp(BrowserMedia next, InetSocketAddress address, Throwable error, Negotiated negotiated) {
        boolean preparing;
        synchronized (this) {
            if (pending != next) {
                next.close();
                return;
            }
            preparing = state == State.RINGING;
            if (preparing) {
                pending = null;
                if (error == null) {
                    prepared = next;
                    preparedPeer = address;
                    preparedWith = negotiated;
                    next.onFailure(() -> preparedLost(next));
                    return;
                }
            }
        }
        if (preparing) {
            next.close();
            LOG.log(System.Logger.Level.INFO, "call {0}: the prepared media did not connect: {1}", id(),
                    error.getMessage());
            line.send(ServerMessages.error("media-failed", "the prepared media did not connect: " + error.getMessage()
                    + "; answer with a new offer", id()));
            return;
        }
        connected(next, address, error, negotiated.payloadType(), negotiated.eventType());
    }

    /** The prepared media broke while the call rang (the browser closed it, or consent checks went unanswered). */
    private void preparedLost(BrowserMedia lost) {
        synchronized (this) {
            if (state != State.RINGING || prepared != lost) {
                return;
            }
            prepared = null;
        }
        lost.close();
        line.send(ServerMessages.error("media-failed", "the prepared media was lost; answer with a new offer", id()));
    }

    /** A trickled candidate of the browser, for the media being connected (else the connected one). */
    void candidate(String candidate) {
        BrowserMedia current;
        synchronized (this) {
            current = pending != null ? pending : media;
        }
        if (candidate != null && current != null) {
            IceCandidate.parse(candidate).ifPresent(current::addCandidate);
        }
    }

    private void connected(BrowserMedia next, InetSocketAddress address, Throwable error, int payloadType,
                           int eventType) {
        boolean first;
        BrowserMedia previous;
        synchronized (this) {
            pending = null;
            if (state == State.ENDED || error != null) {
                next.close();
                if (state == State.ENDED) {
                    return;
                }
            }
            first = !answered;
            if (error != null) {
                state = first ? State.ENDED : State.CONNECTED;
            } else {
                answered = true;
                state = State.CONNECTED;
            }
            previous = error == null ? media : null;
            if (error == null) {
                media = next;
                peer = address;
                // under the lock: a consultation moving the media meanwhile would attach it to the wrong relay
                next.deliverTo(ring.bridge().attach(ring.side(), next, address));
                ring.bridge().leg(ring.side()).setMuted(muted);
            }
        }
        if (error != null) {
            LOG.log(System.Logger.Level.INFO, "call {0}: the browser''s media did not connect: {1}", id(), error.getMessage());
            if (first) {
                line.remove(this);
                line.send(ServerMessages.ended(id(), "failed"));
                events.failed(480);
            } else {
                line.send(ServerMessages.error("media-failed", "the browser's media did not connect: "
                        + error.getMessage(), id()));
            }
            return;
        }
        next.onFailure(() -> mediaLost(next));
        if (previous != null) {
            previous.close();
        }
        if (first) {
            events.answered(relaySdp(address, payloadType, eventType, "sendrecv"));
        }
        Map<String, Object> described;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            described = describe();
        }
        line.send(ServerMessages.call(described));
    }

    /**
     * The browser stopped answering ICE consent checks (page closed, network gone). A reloaded page re-attaches within
     * the grace period; otherwise, unless its media still comes, the call ends (the system's doing) and the agent is
     * set away.
     */
    private void mediaLost(BrowserMedia lost) {
        VanishedBrowserWatch.start(id(), lost::packetsDecrypted, mediaConfig.reattachGrace(), () -> {
            synchronized (this) {
                return state != State.ENDED && media == lost && pending == null;
            }
        }, () -> {
            LOG.log(System.Logger.Level.INFO, "call {0}: agent {1}''s browser is gone; ending the call", id(),
                    ring.agentId());
            if (finish("failed")) {
                events.lost();
            }
        });
    }

    void hold(boolean on) {
        String offer;
        synchronized (this) {
            requireConnected();
            offer = relaySdp(peer, -2, -2, on ? "sendonly" : "sendrecv");
        }
        if (events.reoffer(offer) == null) {
            throw new SignallingException("invalid-state", "the call cannot be " + (on ? "held" : "resumed") + " now",
                    id());
        }
        Map<String, Object> described;
        synchronized (this) {
            held = on;
            described = describe();
        }
        line.send(ServerMessages.call(described));
    }

    void mute(boolean on) {
        Map<String, Object> described;
        synchronized (this) {
            requireConnected();
            muted = on;
            ring.bridge().leg(ring.side()).setMuted(on);
            described = describe();
        }
        line.send(ServerMessages.call(described));
    }

    /** Digits for the caller, from a browser that cannot send RFC 4733 events itself: played as in-band tones. */
    void dtmf(String digits) {
        BrowserAgents.Ring at;
        synchronized (this) {
            requireConnected();
            at = ring;
        }
        G711.Law law = "PCMA".equalsIgnoreCase(at.codec()) ? G711.Law.A_LAW : G711.Law.MU_LAW;
        PromptPlayer.once(at.bridge(), at.side().other(), DtmfTones.of(digits, law));
    }

    /** The agent declines a ringing call; the ACD offers it elsewhere. */
    void reject() {
        synchronized (this) {
            if (state != State.RINGING) {
                throw new SignallingException("invalid-state", "only a ringing call can be rejected", id());
            }
        }
        if (finish("rejected")) {
            events.failed(603);
        }
    }

    /** Before the media was ever up this declines the call; afterwards it ends the conversation. */
    void hangUpByAgent() {
        boolean wasAnswered;
        synchronized (this) {
            wasAnswered = answered;
        }
        if (!wasAnswered && finish("rejected")) {
            events.failed(603);
        } else if (wasAnswered && finish("agent-hangup")) {
            events.hungUp();
        }
    }

    void transfer(String queueId, String agentId) {
        synchronized (this) {
            requireConnected();
        }
        if (!events.transfer(queueId, agentId)) {
            throw new SignallingException("transfer-refused", "the transfer was refused (unknown target, or the agent "
                    + "cannot take calls)", id());
        }
    }

    /** An attended transfer: the caller is held while the colleague rings (see the call's consultation). */
    void consult(String colleagueId) {
        synchronized (this) {
            requireConnected();
        }
        if (!events.consult(colleagueId)) {
            throw new SignallingException("transfer-refused", "the colleague cannot be consulted now (not an agent here, "
                    + "busy, offline or without a phone), or a consultation is in progress already", id());
        }
    }

    void completeTransfer() {
        if (!events.completeTransfer()) {
            throw new SignallingException("transfer-refused", "there is no answered consultation to hand the caller to",
                    id());
        }
    }

    void cancelConsult() {
        if (!events.cancelConsult()) {
            throw new SignallingException("invalid-state", "there is no consultation to cancel", id());
        }
    }

    private void requireConnected() {
        if (state != State.CONNECTED || peer == null) {
            throw new SignallingException("invalid-state", "the call is not connected", id());
        }
    }

    // ---- from call control (AgentLeg) ----------------------------------------------------------------

    @Override
    public void hangUp() {
        String reason;
        synchronized (this) {
            reason = answered ? "caller-hangup" : "missed";
        }
        finish(reason);
    }

    @Override
    public synchronized boolean isEnded() {
        return state == State.ENDED;
    }

    @Override
    public void farEndAnswered() {
        Map<String, Object> described;
        synchronized (this) {
            farEndAnswered = true;
            if (state == State.ENDED) {
                return;
            }
            described = describe();
        }
        line.send(ServerMessages.call(described));
    }

    @Override
    public boolean moveMedia(RtpBridge bridge, Side side) {
        synchronized (this) {
            if (state != State.CONNECTED || media == null || pending != null) {
                return false;
            }
            StreamRewriter.Continuation stream =
                    ring.bridge().detachContinuing(ring.side(), media);
            ring.bridge().leg(ring.side()).setMuted(false);
            ring = ring.at(bridge, side);
            media.deliverTo(bridge.attach(side, media, peer, stream));
            bridge.leg(side).setMuted(muted);
            return true;
        }
    }

    @Override
    public void consultation(String colleagueId, String consultationState, String why) {
        Map<String, Object> described;
        synchronized (this) {
            consultedAgent = colleagueId;
            consultState = consultationState;
            if (state == State.ENDED) {
                return;
            }
            described = describe();
        }
        if (why != null) {
            line.send(ServerMessages.error("transfer-refused", why, id()));
        }
        line.send(ServerMessages.call(described));
    }

    @Override
    public void nowWithCustomer(String from, String to, String queueId, io.callisto.core.acd.ContactRef contact) {
        Map<String, Object> described;
        synchronized (this) {
            ring = ring.withCustomer(from, to, queueId, contact);
            if (state == State.ENDED) {
                return;
            }
            described = describe();
        }
        line.send(ServerMessages.call(described));
    }

    @Override
    public void transferSucceeded() {
        finish("transferred");
    }

    @Override
    public void transferFailed() {
        line.send(ServerMessages.error("transfer-refused", "the transfer failed; the caller is still with you", id()));
    }

    /**
     * Ends this leg once: the browser is told why, the media is detached from the relay and closed. False when it had
     * ended already (call control is then not told again).
     */
    private boolean finish(String reason) {
        BrowserMedia current;
        BrowserMedia connecting;
        BrowserAgents.Ring at;
        synchronized (this) {
            if (state == State.ENDED) {
                return false;
            }
            state = State.ENDED;
            at = ring;
            current = media;
            connecting = pending != null ? pending : prepared;
            media = null;
            pending = null;
            prepared = null;
        }
        if (current != null) {
            at.bridge().detach(at.side(), current);
            at.bridge().leg(at.side()).setMuted(false);
            current.close();
        }
        if (connecting != null) {
            connecting.close();
        }
        line.remove(this);
        line.send(ServerMessages.ended(id(), reason));
        return true;
    }

    /**
     * The browser's media as the relay sees it, in the SDP a SIP phone would send: its address on the ICE pair, the
     * caller's codec and telephone-event under the browser's payload types. -2: the ones of the first answer.
     */
    private synchronized String relaySdp(InetSocketAddress address, int payloadType, int eventType, String direction) {
        if (payloadType != -2) {
            codecType = payloadType;
            telephoneEventType = eventType;
        }
        return BrowserSdp.relay(sessionId, ++version, address, ring.codec(), codecType, telephoneEventType, direction);
    }

    /** Media statistics for the gateway's counters and tests. */
    synchronized BrowserMedia media() {
        return media;
    }
}
