package io.callisto.gateway;

import io.callisto.core.acd.AcdEventStream;
import io.callisto.gateway.call.CallControl;
import io.callisto.gateway.call.CallRegistry;
import io.callisto.gateway.call.CallServices;
import io.callisto.gateway.call.OutboundCalls;
import io.callisto.gateway.call.TrunkChannels;
import io.callisto.gateway.call.TrunkRegistrations;
import io.callisto.gateway.media.rtp.MediaInactivityWatch;
import io.callisto.gateway.media.rtp.RelayEngine;
import io.callisto.gateway.sip.registrar.Registrar;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipStackConfig;

/**
 * The SIP edge, assembled: the stack listening for carriers, PBXs and agents' phones, the registrar, call control
 * following the ACD's events, and the media relay. Stops in reverse: calls end, the stack stops, the relay closes.
 */
public final class SipGateway implements AutoCloseable {
    private final SipEndpoint endpoint;
    private final CallRegistry calls;
    private final AutoCloseable subscription;
    private final RelayEngine relay;
    private final MediaInactivityWatch watch;
    private final OutboundCalls outbound;
    private final TrunkRegistrations registrations;
    private final java.util.List<AutoCloseable> extras = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SipGateway(SipEndpoint endpoint, CallRegistry calls, AutoCloseable subscription, RelayEngine relay,
                       MediaInactivityWatch watch, OutboundCalls outbound, TrunkRegistrations registrations) {
        this.outbound = outbound;
        this.registrations = registrations;
        this.endpoint = endpoint;
        this.calls = calls;
        this.subscription = subscription;
        this.relay = relay;
        this.watch = watch;
    }

    public static SipGateway start(SipGatewayConfig config, CallServices services, Registrar registrar,
                                   AcdEventStream events) {
        CallRegistry calls = new CallRegistry();
        TrunkChannels channels = new TrunkChannels();
        CallControl control = new CallControl(services, calls, registrar.auth(), channels,
                registrar.accounts());
        OutboundCalls outbound = new OutboundCalls(services, channels, calls);
        if (config.unavailablePrompt() != null) {
            control.unavailableMessage(UnavailablePrompts.load(config.unavailablePrompt())::get);
        }
        if (config.waitingMusic() != null) {
            var music = UnavailablePrompts.load(config.waitingMusic());
            control.waitingMusic(music::get);
            outbound.waitingMusic(music::get);
        }
        AutoCloseable subscription = events.subscribe(calls::onBatch);
        try {
            SipStackConfig stack = SipStackConfig.of("callisto-" + config.sipPort(), config.sipHost(), config.sipPort());
            SipEndpoint endpoint = SipEndpoint.start(config.tls() == null ? stack : stack.withTls(config.tls()),
                    new SipRouter(registrar, control));
            control.attach(endpoint);
            outbound.attach(endpoint);
            TrunkRegistrations registrations = new TrunkRegistrations(services.directory(), endpoint, services.clock())
                    .start(config.registrationPass());
            MediaInactivityWatch watch = MediaInactivityWatch.start(services.relay(), config.rtpTimeout(),
                    (bridge, side, silentFor) -> calls.mediaSilent(bridge, side, silentFor));
            return new SipGateway(endpoint, calls, subscription, services.relay(), watch, outbound, registrations);
        } catch (RuntimeException e) {
            closeQuietly(subscription);
            throw e;
        }
    }

    public int sipPort() {
        return endpoint.port();
    }

    public CallRegistry calls() {
        return calls;
    }

    /** Trunks' registrations with their carriers. */
    public TrunkRegistrations registrations() {
        return registrations;
    }

    /** Agents' outbound calls (click-to-dial). */
    public OutboundCalls outbound() {
        return outbound;
    }

    /** Recording the calls it carries on demand. */
    public io.callisto.gateway.call.LiveRecordings recordings() {
        return new io.callisto.gateway.call.LiveRecordings(calls, outbound);
    }

    /** Something that lives as long as the gateway (a further event subscription): closed first when it stops. */
    public void alsoClose(AutoCloseable extra) {
        extras.add(extra);
    }

    public RelayEngine relay() {
        return relay;
    }

    @Override
    public void close() {
        extras.forEach(SipGateway::closeQuietly);
        closeQuietly(subscription);
        registrations.close();
        watch.close();
        outbound.close();
        calls.close();
        endpoint.close();
        relay.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.getLogger(SipGateway.class.getName()).log(System.Logger.Level.DEBUG, "close failed: " + e);
        }
    }
}
