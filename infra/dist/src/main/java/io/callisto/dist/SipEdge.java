package io.callisto.dist;

import io.callisto.core.calls.CallRecorder;
import io.callisto.core.calls.RecordingStore;
import io.callisto.core.crm.ContactService;
import io.callisto.core.interaction.InteractionService;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.telephony.StoredTelephonyDirectory;
import io.callisto.gateway.SipGateway;
import io.callisto.gateway.SipGatewayConfig;
import io.callisto.gateway.call.AgentPhones;
import io.callisto.gateway.call.CallServices;
import io.callisto.gateway.media.rtp.PortRange;
import io.callisto.gateway.media.rtp.RelayConfig;
import io.callisto.gateway.media.rtp.RelayEngine;
import io.callisto.gateway.registrar.GridBindingStore;
import io.callisto.gateway.registrar.StoredSipAccounts;
import io.callisto.gateway.sip.registrar.DigestRegistrarAuth;
import io.callisto.gateway.sip.registrar.Registrar;
import io.callisto.grid.GridNode;
import io.callisto.grid.acd.GridAcdEvents;
import io.callisto.persistence.JpaPersistence;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SIP edge in a process that also runs the platform (role {@code all}): numbers, trunks, agents' SIP accounts
 * and CDRs come from the platform's database; registrations live in the grid so every node reaches every phone.
 */
final class SipEdge {
    private SipEdge() {
    }

    static SipGatewayConfig config(Settings settings) {
        return new SipGatewayConfig(settings.get("CALLISTO_SIP_HOST", "127.0.0.1"),
                settings.getInt("CALLISTO_SIP_PORT", 5060, 1, 65_535), settings.get("CALLISTO_MEDIA_HOST", "127.0.0.1"),
                settings.get("CALLISTO_RTP_PORTS", "20000-40000"),
                settings.getDuration("CALLISTO_RTP_TIMEOUT", SipGatewayConfig.DEFAULT_RTP_TIMEOUT),
                settings.optional("CALLISTO_UNAVAILABLE_PROMPT").map(java.nio.file.Path::of).orElse(null),
                settings.optional("CALLISTO_SIP_TLS_KEYSTORE").map(keystore -> new io.callisto.gateway.sip.stack
                        .SipStackConfig.Tls(settings.getInt("CALLISTO_SIP_TLS_PORT", 5061, 1, 65_535),
                        java.nio.file.Path.of(keystore), settings.get("CALLISTO_SIP_TLS_PASSWORD", ""))).orElse(null),
                settings.optional("CALLISTO_WAITING_MUSIC").map(java.nio.file.Path::of).orElse(null));
    }

    /** What calls work with from the platform's side: the live ACD, interactions, contacts, where recordings go. */
    record Platform(LiveAcd live, InteractionService interactions, ContactService contacts, RecordingStore recordings) {
    }

    static SipGateway start(SipGatewayConfig config, GridNode grid, JpaPersistence persistence, Platform platform,
                            byte[] clusterKey, Clock clock, io.callisto.gateway.softphone.Softphones softphones) {
        LiveAcd live = platform.live();
        InteractionService interactions = platform.interactions();
        ContactService contacts = platform.contacts();
        RecordingStore recordings = platform.recordings();
        RelayEngine relay;
        try {
            relay = new RelayEngine(RelayConfig.of(InetAddress.getByName(config.mediaHost()),
                    PortRange.parse(config.rtpPorts())));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("CALLISTO_MEDIA_HOST=" + config.mediaHost() + " is not an address", e);
        }
        if (softphones != null) {
            // browsers' packets are then received, decrypted and relayed by one thread
            softphones.media().port().readOn(relay);
        }
        try {
            GridBindingStore bindings = new GridBindingStore(grid.map(GridBindingStore.MAP));
            CallServices services = new CallServices(new StoredTelephonyDirectory(persistence.transactions(),
                    persistence.trunks(), persistence.numbers()), live, interactions, contacts,
                    new AgentPhones(persistence.transactions(), persistence.agents(), bindings, clock), relay,
                    new CallRecorder(persistence.transactions(), persistence.callRecords()), recordings, clock,
                    config.mediaHost(), softphones == null ? io.callisto.gateway.call.BrowserAgents.NONE : softphones);
            Registrar registrar = new Registrar(new StoredSipAccounts(persistence.transactions(), persistence.agents()),
                    bindings, new DigestRegistrarAuth(nonceKey(clusterKey)), clock);
            GridAcdEvents events = new GridAcdEvents(grid::map);
            SipGateway gateway = SipGateway.start(config, services, registrar, events);
            if (softphones != null) {
                gateway.alsoClose(events.subscribe(softphones::onBatch)); // agents' state changes reach their pages
                softphones.dialer(gateway.outbound());
            }
            return gateway;
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    /** Digest nonces signed with a key every node derives from the cluster's secret, so any node verifies any. */
    static byte[] nonceKey(byte[] clusterKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clusterKey, "HmacSHA256"));
            return mac.doFinal("callisto sip digest nonces".getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
