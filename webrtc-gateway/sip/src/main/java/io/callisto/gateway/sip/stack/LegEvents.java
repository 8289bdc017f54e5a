package io.callisto.gateway.sip.stack;

import java.text.ParseException;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** What happens to a leg when its dialog receives a request or its INVITE a response. */
final class LegEvents {
    private static final System.Logger LOG = System.getLogger(LegEvents.class.getName());
    private final SipEndpoint endpoint;

    LegEvents(SipEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void cancel(ServerTransaction cancel) {
        SipLeg leg = ListenerBridge.legOfCanceled(cancel);
        answer(cancel, leg == null ? 481 : 200, null);
        if (leg != null && !leg.isConfirmed() && leg.markEnded()) {
            endpoint.respondInDialog(leg, leg.inviteServerTransaction(), 487, "Request Terminated", null);
            leg.notifyInOrder(() -> leg.listener().onCancel(leg));
        }
    }

    void request(SipLeg leg, ServerTransaction transaction, Request request) {
        String body = ListenerBridge.body(request);
        switch (request.getMethod()) {
            case Request.ACK -> leg.listener().onAck(leg);
            case Request.BYE -> {
                answer(transaction, 200, null);
                if (leg.markEnded()) {
                    leg.listener().onBye(leg);
                }
            }
            case Request.INVITE -> {
                String answer = body == null ? null : leg.listener().onReinvite(leg, body);
                if (answer == null) {
                    answer(transaction, 488, null);
                } else {
                    endpoint.respondInDialog(leg, transaction, 200, null, answer);
                }
            }
            case Request.REFER -> {
                javax.sip.header.Header referTo = request.getHeader("Refer-To");
                boolean accepted = referTo != null && leg.listener().onRefer(leg, IncomingRequest.valueOf(referTo));
                answer(transaction, accepted ? 202 : 603, null);
            }
            case Request.INFO -> {
                answer(transaction, 200, null);
                javax.sip.header.ContentTypeHeader type = (javax.sip.header.ContentTypeHeader) request.getHeader(
                        "Content-Type");
                leg.listener().onInfo(leg, type == null ? null : type.getContentType() + "/" + type.getContentSubType(),
                        body);
            }
            case Request.NOTIFY, Request.OPTIONS, Request.UPDATE -> answer(transaction, 200, null);
            default -> answer(transaction, 405, null);
        }
    }

    void inviteResponse(SipLeg leg, ClientTransaction transaction, Response response, long cseq) {
        int status = response.getStatusCode();
        String sdp = ListenerBridge.body(response);
        if (transaction != leg.inviteClient()) {
            reinviteResponse(leg, status, sdp, cseq);
            return;
        }
        if (status < 200) {
            if (status > 100) {
                leg.provisionalReceived();
                leg.notifyInOrder(() -> {
                    // a 180 processed behind its 200 (or after the call ended) is news to nobody
                    if (!leg.isConfirmed() && !leg.isEnded()) {
                        leg.listener().onProvisional(leg, status, sdp);
                    }
                });
            }
        } else if (status < 300) {
            endpoint.sendAck(leg.dialog(), cseq);
            leg.confirmed();
            if (leg.cancelWanted() || leg.isEnded()) {
                // answered while we were giving up: end it at once
                endpoint.sendInDialog(leg, Request.BYE, null, null);
                leg.markEnded();
            } else {
                leg.notifyInOrder(() -> leg.listener().onAnswered(leg, sdp));
            }
        } else if (leg.markEnded()) {
            String reason = response.getReasonPhrase();
            leg.challenges(IncomingRequestHeaders.values(response, status == 407 ? "Proxy-Authenticate"
                    : "WWW-Authenticate"));
            leg.notifyInOrder(() -> leg.listener().onFailed(leg, status, reason));
        }
    }

    private void reinviteResponse(SipLeg leg, int status, String sdp, long cseq) {
        if (status < 200) {
            return;
        }
        java.util.concurrent.CompletableFuture<String> pending = leg.takePendingReinvite();
        if (status < 300) {
            endpoint.sendAck(leg.dialog(), cseq);
            if (pending != null) {
                // completed off the stack's thread: whoever waits for the answer may block or call the stack
                endpoint.dispatch(() -> pending.complete(sdp));
            }
        } else if (pending != null) {
            endpoint.dispatch(() -> pending.completeExceptionally(new IllegalStateException("re-INVITE refused with "
                    + status)));
        }
    }

    void timeout(SipLeg leg, ClientTransaction transaction) {
        if (transaction == leg.inviteClient()) {
            if (leg.markEnded()) {
                leg.notifyInOrder(() -> leg.listener().onFailed(leg, 408, "Request Timeout"));
            }
            return;
        }
        // a re-INVITE nobody answered: whoever waits for its answer hears it failed
        java.util.concurrent.CompletableFuture<String> pending = leg.takePendingReinvite();
        if (pending != null) {
            endpoint.dispatch(() -> pending.completeExceptionally(new IllegalStateException("re-INVITE timed out")));
        }
    }

    private void answer(ServerTransaction transaction, int status, String reason) {
        if (transaction == null) {
            return;
        }
        try {
            Response response = endpoint.answerTo(transaction.getRequest(), status);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            transaction.sendResponse(response);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not answer " + status + ": " + e.getMessage());
        }
    }
}
