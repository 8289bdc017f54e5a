package io.callisto.gateway.sip.stack;

import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.nio.charset.StandardCharsets;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * JAIN-SIP's callbacks turned into Callisto's: requests outside a dialog go to the {@link SipHandler} as
 * {@link IncomingRequest}s; requests, responses and timeouts of a leg's dialog go to the leg's {@link LegListener}
 * (see {@link LegEvents}). Everything the application does runs on virtual threads, never on the stack's own.
 */
final class ListenerBridge implements SipListener {
    private static final System.Logger LOG = System.getLogger(ListenerBridge.class.getName());
    private final SipEndpoint endpoint;
    private final SipHandler handler;
    private final LegEvents legs;

    ListenerBridge(SipEndpoint endpoint, SipHandler handler) {
        this.endpoint = endpoint;
        this.handler = handler;
        this.legs = new LegEvents(endpoint);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null && !Request.ACK.equals(request.getMethod())) {
            try {
                transaction = endpoint.provider().getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                return; // a retransmission the stack answers itself
            } catch (TransactionUnavailableException e) {
                LOG.log(System.Logger.Level.DEBUG, "no transaction for a " + request.getMethod() + ": " + e.getMessage());
                return;
            }
        }
        if (Request.CANCEL.equals(request.getMethod())) {
            legs.cancel(transaction);
            return;
        }
        if (TextBody.hasNul(request)) {
            if (transaction != null) {
                endpoint.respond(transaction, request, SipResponse.of(400, "Bad Request (NUL in a text body)"));
            }
            return;
        }
        Dialog dialog = event.getDialog() != null ? event.getDialog() : transaction == null ? null : transaction.getDialog();
        if (dialog != null && dialog.getApplicationData() instanceof SipLeg leg && isInDialog(request)) {
            ServerTransaction st = transaction;
            endpoint.dispatch(() -> legs.request(leg, st, request));
            return;
        }
        IncomingRequest incoming = new IncomingRequest(endpoint, transaction, request);
        endpoint.dispatch(() -> {
            try {
                handler.onRequest(incoming);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "handling a " + request.getMethod() + " failed", e);
                if (!Request.ACK.equals(request.getMethod())) {
                    incoming.respond(SipResponse.of(500, "Server Internal Error"));
                }
            }
        });
    }

    /** A request with a To tag belongs to a dialog (the first INVITE has none). */
    private static boolean isInDialog(Request request) {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader("To");
        return to != null && to.getTag() != null;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            // A 2xx retransmitted after our ACK is ACKed again, but only in a dialog one of our legs owns: a forged
            // response would otherwise make us send ACKs (and later BYEs) wherever its Contact points, and the stack
            // keeps a dialog for every such response, so those are dropped.
            Dialog dialog = event.getDialog();
            if (dialog != null && dialog.getApplicationData() instanceof SipLeg) {
                if (Request.INVITE.equals(cseq.getMethod()) && response.getStatusCode() / 100 == 2) {
                    endpoint.sendAck(dialog, cseq.getSeqNumber());
                }
            } else if (dialog != null) {
                dialog.delete();
            }
            return;
        }
        if (transaction.getApplicationData() instanceof SipLeg leg && Request.INVITE.equals(cseq.getMethod())) {
            legs.inviteResponse(leg, transaction, response, cseq.getSeqNumber());
        } else if (transaction.getApplicationData() instanceof ResponseHandler handler && response.getStatusCode() >= 200) {
            int status = response.getStatusCode();
            java.util.List<String> challenges = IncomingRequestHeaders.values(response, status == 407 ? "Proxy-Authenticate"
                    : "WWW-Authenticate");
            int expires = grantedExpires(response);
            endpoint.dispatch(() -> handler.onFinalResponse(status, challenges, expires));
        }
    }

    /** The expiry a registrar granted: the Expires header, else the first Contact's parameter; -1 when neither. */
    private static int grantedExpires(Response response) {
        javax.sip.header.ExpiresHeader expires = (javax.sip.header.ExpiresHeader) response.getHeader("Expires");
        if (expires != null) {
            return expires.getExpires();
        }
        javax.sip.header.ContactHeader contact = (javax.sip.header.ContactHeader) response.getHeader("Contact");
        return contact == null ? -1 : contact.getExpires();
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof ResponseHandler handler) {
            endpoint.dispatch(() -> handler.onFinalResponse(408, java.util.List.of(), -1));
            return;
        }
        if (transaction != null && transaction.getApplicationData() instanceof SipLeg leg
                && Request.INVITE.equals(transaction.getRequest().getMethod())) {
            legs.timeout(leg, transaction);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.log(System.Logger.Level.DEBUG, "SIP I/O error with {0}:{1,number,#}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing held per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        if (event.getDialog() != null) {
            event.getDialog().setApplicationData(null);
        }
    }

    static String body(javax.sip.message.Message message) {
        byte[] raw = message.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }

    static SipLeg legOfCanceled(ServerTransaction cancel) {
        if (cancel instanceof SIPServerTransaction st && st.getCanceledInviteTransaction() != null) {
            Object data = st.getCanceledInviteTransaction().getApplicationData();
            return data instanceof SipLeg leg ? leg : null;
        }
        return null;
    }
}
