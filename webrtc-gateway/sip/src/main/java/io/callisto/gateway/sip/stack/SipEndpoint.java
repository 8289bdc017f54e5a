package io.callisto.gateway.sip.stack;

import java.text.ParseException;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP stack (JAIN-SIP, Jitsi's build) behind Callisto's own small surface: it listens on UDP and TCP, hands
 * each request to the {@link SipHandler} on a virtual thread as an {@link IncomingRequest}, and sends what the
 * handler answers. No JAIN-SIP type leaves this package.
 */
public final class SipEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SipEndpoint.class.getName());
    /** The threads each UDP listening point takes received datagrams off its queue with. */
    private static final int RECEIVE_THREADS = 8;
    private final SipStack stack;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final MessageFactory messages;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final String host;
    private final int port;
    private final LegMessages legMessages;

    private SipEndpoint(SipStack stack, SipProvider provider, SipFactory factory, String host, int port)
            throws PeerUnavailableException {
        this.stack = stack;
        this.provider = provider;
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.messages = factory.createMessageFactory();
        this.host = host;
        this.port = port;
        this.legMessages = new LegMessages(headers, addresses, messages);
    }

    /**
     * Starts listening; fails with a clear message, naming the transport and port, when one cannot be bound. Whatever
     * fails, a stack that was partly started is stopped again, so no socket or timer of it is left behind.
     */
    public static SipEndpoint start(SipStackConfig config, SipHandler handler) {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = null;
        String binding = "SIP";
        int bound = config.port();
        try {
            stack = factory.createSipStack(properties(config));
            SipProvider provider = null;
            if (config.udp()) {
                binding = "UDP";
                ListeningPoint udp = stack.createListeningPoint(config.host(), bound, ListeningPoint.UDP);
                bound = udp.getPort();
                provider = stack.createSipProvider(udp);
            }
            if (config.tcp()) {
                binding = "TCP";
                ListeningPoint tcp = stack.createListeningPoint(config.host(), bound, ListeningPoint.TCP);
                bound = tcp.getPort();
                provider = withPoint(stack, provider, tcp);
            }
            if (config.tls() != null) {
                binding = "TLS";
                modernTls((gov.nist.javax.sip.SipStackImpl) stack);
                provider = withPoint(stack, provider,
                        stack.createListeningPoint(config.host(), config.tls().port(), ListeningPoint.TLS));
            }
            SipEndpoint endpoint = new SipEndpoint(stack, provider, factory, config.host(), bound);
            provider.addSipListener(new ListenerBridge(endpoint, handler));
            LOG.log(System.Logger.Level.INFO, "SIP listening on {0}:{1,number,#} ({2}){3}", config.host(), bound,
                    config.udp() && config.tcp() ? "UDP and TCP" : config.udp() ? "UDP" : "TCP",
                    config.tls() == null ? "" : ", TLS on " + config.tls().port());
            return endpoint;
        } catch (PeerUnavailableException | InvalidArgumentException | ObjectInUseException | TooManyListenersException
                 | javax.sip.TransportNotSupportedException | javax.sip.TransportAlreadySupportedException
                 | RuntimeException e) {
            int port = "TLS".equals(binding) ? config.tls().port() : bound;
            IllegalStateException failure = new IllegalStateException("cannot listen for SIP (" + binding + ") on "
                    + config.host() + ":" + port + ": " + e.getMessage(), e);
            if (stack != null) {
                try {
                    StackShutdown.stop(stack, RECEIVE_THREADS);
                } catch (RuntimeException stopFailure) {
                    failure.addSuppressed(stopFailure);
                }
            }
            throw failure;
        }
    }

    /** The stack's provider with {@code point} added (the first point makes it). */
    private static SipProvider withPoint(SipStack stack, SipProvider provider, ListeningPoint point)
            throws ObjectInUseException, javax.sip.TransportAlreadySupportedException {
        if (provider == null) {
            return stack.createSipProvider(point);
        }
        provider.addListeningPoint(point);
        return provider;
    }

    /**
     * The stack's own TLS defaults are RSA key exchange suites and TLS 1.0 to 1.2, which current JDKs refuse; use the
     * JDK's default suites and TLS 1.2 and 1.3 instead.
     */
    private static void modernTls(gov.nist.javax.sip.SipStackImpl stack) {
        try {
            javax.net.ssl.SSLParameters defaults = javax.net.ssl.SSLContext.getDefault().getDefaultSSLParameters();
            stack.setEnabledCipherSuites(defaults.getCipherSuites());
            stack.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    private static Properties properties(SipStackConfig config) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", config.name());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipLogBridge.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLog.class.getName());
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageBytes()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(config.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Integer.toString(config.tcpLimits().messageMillis()));
        GuardedNetworkLayer.describe(config.tcpLimits(), p);
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "2000");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(RECEIVE_THREADS));
        p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // a response whose top Via branch the stack did not make is dropped before it can create a dialog (forged 1xx
        // would otherwise each leave an early dialog); ListenerBridge deletes what a better-informed forger gets past
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        if (config.tls() != null) {
            // the stack reads its TLS key material from these (server side only: peers are not asked for certificates)
            p.setProperty("javax.net.ssl.keyStore", config.tls().keystore().toAbsolutePath().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", config.tls().password());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
            // a peer that connects and never completes a handshake is dropped (the stack's timer counts milliseconds)
            p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Integer.toString(config.tcpLimits().firstByteMillis()));
            p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false");
        }
        return p;
    }

    /** The port the stack listens on (the configured one, or the one the system chose for port 0). */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    void dispatch(Runnable work) {
        try {
            workers.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "SIP request dropped while stopping");
        }
    }

    boolean respond(ServerTransaction transaction, Request request, SipResponse spec) {
        try {
            Response response = messages.createResponse(spec.status(), request);
            if (spec.reason() != null) {
                response.setReasonPhrase(spec.reason());
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (spec.status() > 100 && to.getTag() == null) {
                // every response but 100 carries our To tag, so a dialog (and a retransmission) can be matched
                to.setTag(Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
            }
            for (SipHeader h : spec.headers()) {
                response.addHeader(headers.createHeader(h.name(), h.value()));
            }
            if (spec.body() != null) {
                String[] type = spec.contentType().split("/", 2);
                response.setContent(spec.body(), headers.createContentTypeHeader(type[0], type[1]));
            }
            if (transaction != null) {
                transaction.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not answer " + request.getMethod() + " with " + spec.status()
                    + ": " + e);
            return false;
        }
    }

    // ---- legs -------------------------------------------------------------------------------------

    /** Takes an INVITE we received as a server leg: call control then rings, answers or rejects it. */
    public SipLeg accept(IncomingRequest invite, LegListener listener) {
        if (!"INVITE".equals(invite.method())) {
            throw new IllegalArgumentException("only an INVITE makes a leg");
        }
        SipLeg leg = new SipLeg(this, SipLeg.Role.SERVER, invite.callId(), listener);
        javax.sip.Dialog dialog = invite.transaction().getDialog();
        leg.bindServer(invite.transaction(), dialog);
        if (dialog != null) {
            dialog.setApplicationData(leg);
        }
        invite.transaction().setApplicationData(leg);
        invite.claimedByLeg();
        return leg;
    }

    /** Sends an INVITE; the leg reports its progress to the listener. Throws when it cannot even be sent. */
    public SipLeg invite(OutgoingInvite spec, LegListener listener) {
        try {
            Request request = legMessages.invite(spec, provider, host, port, contactHeader());
            javax.sip.ClientTransaction transaction = provider.getNewClientTransaction(request);
            String callId = ((javax.sip.header.CallIdHeader) request.getHeader("Call-ID")).getCallId();
            SipLeg leg = new SipLeg(this, SipLeg.Role.CLIENT, callId, listener);
            javax.sip.Dialog dialog = transaction.getDialog();
            leg.bindClient(transaction, dialog);
            transaction.setApplicationData(leg);
            if (dialog != null) {
                dialog.setApplicationData(leg);
            }
            transaction.sendRequest();
            return leg;
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new IllegalArgumentException("cannot send an INVITE to " + spec.requestUri() + ": " + e.getMessage(), e);
        }
    }

    /** Sends a REGISTER outside any dialog; the handler hears its final answer (or 408). */
    public void register(OutgoingRegister spec, ResponseHandler handler) {
        try {
            String contact = "<sip:" + (spec.contactUser() == null ? "" : spec.contactUser() + "@") + host + ":" + port + ">";
            Request request = legMessages.register(spec, host, port, contact);
            javax.sip.ClientTransaction transaction = provider.getNewClientTransaction(request);
            transaction.setApplicationData(handler);
            transaction.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new IllegalArgumentException("cannot send a REGISTER to " + spec.registrarUri() + ": " + e.getMessage(),
                    e);
        }
    }

    boolean respondInDialog(SipLeg leg, ServerTransaction transaction, int status, String reason, String sdp) {
        try {
            Request request = transaction.getRequest();
            Response response = messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(leg.localTag());
            }
            if (status < 300) {
                response.addHeader(contactHeader());
            }
            if (sdp != null) {
                response.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
            }
            transaction.sendResponse(response);
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not send " + status + " on call " + leg.callId() + ": " + e);
            return false;
        }
    }

    void sendCancel(SipLeg leg) {
        try {
            Request cancel = leg.inviteClient().createCancel();
            provider.getNewClientTransaction(cancel).sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "CANCEL on call " + leg.callId() + " not sent: " + e.getMessage());
        }
    }

    boolean sendInDialog(SipLeg leg, String method, String contentType, String body) {
        try {
            javax.sip.Dialog dialog = leg.dialog();
            Request request = dialog.createRequest(method);
            if (body != null) {
                String[] type = contentType.split("/", 2);
                request.setContent(body, headers.createContentTypeHeader(type[0], type[1]));
            }
            if (Request.INVITE.equals(method)) {
                request.addHeader(contactHeader());
            }
            javax.sip.ClientTransaction transaction = provider.getNewClientTransaction(request);
            transaction.setApplicationData(leg);
            dialog.sendRequest(transaction);
            return true;
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not send " + method + " on call " + leg.callId() + ": " + e);
            return false;
        }
    }

    void sendNotify(SipLeg leg, String sipfrag, boolean terminated) {
        try {
            javax.sip.Dialog dialog = leg.dialog();
            Request notify = dialog.createRequest(Request.NOTIFY);
            notify.addHeader(headers.createEventHeader("refer"));
            notify.addHeader(headers.createSubscriptionStateHeader(terminated ? "terminated;reason=noresource"
                    : "active;expires=60"));
            notify.setContent(sipfrag, headers.createContentTypeHeader("message", "sipfrag"));
            javax.sip.ClientTransaction transaction = provider.getNewClientTransaction(notify);
            dialog.sendRequest(transaction);
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "NOTIFY on call " + leg.callId() + " not sent: " + e.getMessage());
        }
    }

    void sendAck(javax.sip.Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not ACK: " + e);
        }
    }

    Response answerTo(Request request, int status) throws ParseException {
        return messages.createResponse(status, request);
    }

    /** Our Contact for responses and requests: sip:host:port. */
    public String contact() {
        return "<sip:" + host + ":" + port + ">";
    }

    ContactHeader contactHeader() throws ParseException {
        return headers.createContactHeader(addresses.createAddress("sip:" + host + ":" + port));
    }

    SipProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        StackShutdown.stop(stack, RECEIVE_THREADS);
    }
}
