package io.callisto.gateway.sip.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One call leg: a dialog with one far end, created by an INVITE we received ({@link Role#SERVER}) or sent
 * ({@link Role#CLIENT}). Call control drives it through these methods and hears about it through its
 * {@link LegListener}; the JAIN-SIP objects stay inside.
 */
public final class SipLeg {
    /** Which side of the INVITE we are. */
    public enum Role { SERVER, CLIENT }

    private final SipEndpoint endpoint;
    private final Role role;
    private final String callId;
    private volatile LegListener listener;
    private final AtomicBoolean finalSent = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Dialog dialog;
    private volatile ServerTransaction inviteServer;
    private volatile ClientTransaction inviteClient;
    private volatile boolean provisionalReceived;
    private volatile boolean cancelWanted;
    private volatile boolean confirmed;
    private volatile CompletableFuture<String> pendingReinvite;
    private final String localTag = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private final OrderedLane outcomes;

    SipLeg(SipEndpoint endpoint, Role role, String callId, LegListener listener) {
        this.endpoint = endpoint;
        this.role = role;
        this.callId = callId;
        this.listener = listener;
        this.outcomes = new OrderedLane(endpoint::dispatch);
    }

    /** Hands an INVITE outcome callback to the listener after the ones handed in before it. */
    void notifyInOrder(Runnable callback) {
        outcomes.submit(callback);
    }

    public Role role() {
        return role;
    }

    public String callId() {
        return callId;
    }

    /** Whether the dialog is established (answered and, for a server leg, 2xx sent). */
    public boolean isConfirmed() {
        return confirmed;
    }

    public boolean isEnded() {
        return ended.get();
    }

    private volatile java.util.List<String> challenges = java.util.List.of();

    void challenges(java.util.List<String> values) {
        challenges = java.util.List.copyOf(values);
    }

    /** Client leg refused with 401/407: the far end's challenges (WWW- or Proxy-Authenticate values). */
    public java.util.List<String> challenges() {
        return challenges;
    }

    String localTag() {
        return localTag;
    }

    LegListener listener() {
        return listener;
    }

    /**
     * From now on this leg's events go to {@code next}: a leg changes hands when a call is handed to it (an attended
     * transfer gives the consulted agent's leg to the caller's call).
     */
    public void listenWith(LegListener next) {
        listener = java.util.Objects.requireNonNull(next);
    }

    /**
     * Whether this leg is the dialog a Replaces header (RFC 3891) or similar reference names: same Call-ID and the same
     * two tags, in either order (the writer's view of which tag is "to" and which "from" is theirs).
     */
    public boolean isDialog(String otherCallId, String tag1, String tag2) {
        Dialog d = dialog;
        if (d == null || otherCallId == null || tag1 == null || tag2 == null || !callId.equals(otherCallId)) {
            return false;
        }
        String local = d.getLocalTag();
        String remote = d.getRemoteTag();
        return local != null && remote != null
                && (local.equals(tag1) && remote.equals(tag2) || local.equals(tag2) && remote.equals(tag1));
    }

    void bindServer(ServerTransaction transaction, Dialog d) {
        inviteServer = transaction;
        dialog = d;
    }

    void bindClient(ClientTransaction transaction, Dialog d) {
        inviteClient = transaction;
        dialog = d;
    }

    Dialog dialog() {
        return dialog;
    }

    ServerTransaction inviteServerTransaction() {
        return inviteServer;
    }

    ClientTransaction inviteClient() {
        return inviteClient;
    }

    // ---- server leg ------------------------------------------------------------------------------

    /** 180 Ringing. */
    public void ring() {
        requireRole(Role.SERVER);
        endpoint.respondInDialog(this, inviteServer, 180, null, null);
    }

    /** 183 Session Progress with our SDP (early media: ringback or music while waiting). */
    public void progress(String sdp) {
        requireRole(Role.SERVER);
        endpoint.respondInDialog(this, inviteServer, 183, null, sdp);
    }

    /** 200 OK with our SDP answer. */
    public void answer(String sdp) {
        requireRole(Role.SERVER);
        if (finalSent.compareAndSet(false, true)) {
            confirmed = endpoint.respondInDialog(this, inviteServer, 200, null, sdp);
        }
    }

    /** A final error (486 busy, 480 unavailable, 603 declined ...) before answering. */
    public void reject(int status, String reason) {
        requireRole(Role.SERVER);
        if (finalSent.compareAndSet(false, true)) {
            endpoint.respondInDialog(this, inviteServer, status, reason, null);
            ended.set(true);
        }
    }

    // ---- client leg ------------------------------------------------------------------------------

    /** Gives up a client INVITE not answered yet (CANCEL, sent once the far end has answered provisionally). */
    public void cancel() {
        requireRole(Role.CLIENT);
        cancelWanted = true;
        if (provisionalReceived && !confirmed) {
            endpoint.sendCancel(this);
        }
    }

    void provisionalReceived() {
        provisionalReceived = true;
        if (cancelWanted && !confirmed) {
            endpoint.sendCancel(this);
        }
    }

    boolean cancelWanted() {
        return cancelWanted;
    }

    void confirmed() {
        confirmed = true;
    }

    // ---- both ------------------------------------------------------------------------------------

    /**
     * Ends the leg whatever its state: BYE when established, CANCEL when a client INVITE is pending, 480 when a
     * server INVITE is pending. Ending twice is harmless.
     */
    public void hangUp() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (confirmed) {
            endpoint.sendInDialog(this, Request.BYE, null, null);
        } else if (role == Role.CLIENT) {
            cancel();
        } else if (finalSent.compareAndSet(false, true)) {
            endpoint.respondInDialog(this, inviteServer, 480, "Temporarily Unavailable", null);
        }
    }

    /** Marks the leg ended by the far end (its BYE, CANCEL or a failure). */
    boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    /** Sends a re-INVITE with a new offer (hold, unhold); completes with the far end's answer, or fails. */
    public CompletableFuture<String> reinvite(String sdp) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        pendingReinvite = answer;
        if (!confirmed || !endpoint.sendInDialog(this, Request.INVITE, "application/sdp", sdp)) {
            answer.completeExceptionally(new IllegalStateException("the leg is not established"));
        }
        return answer;
    }

    CompletableFuture<String> takePendingReinvite() {
        CompletableFuture<String> f = pendingReinvite;
        pendingReinvite = null;
        return f;
    }

    /** A NOTIFY with the progress of a transfer we accepted (RFC 3515: message/sipfrag "SIP/2.0 200 OK"). */
    public void notifyTransfer(int status, String reason, boolean terminated) {
        endpoint.sendNotify(this, "SIP/2.0 " + status + " " + reason, terminated);
    }

    private void requireRole(Role expected) {
        if (role != expected) {
            throw new IllegalStateException("only a " + expected + " leg can do this");
        }
    }
}
