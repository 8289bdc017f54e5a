package io.callisto.dist;

import io.callisto.core.agent.AgentStateService;
import io.callisto.core.telephony.IpBlock;
import io.callisto.gateway.media.webrtc.DtlsIdentity;
import io.callisto.gateway.media.webrtc.IcePort;
import io.callisto.gateway.softphone.SoftphoneMedia;
import io.callisto.gateway.softphone.Softphones;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The browser softphones' media edge: ICE on {@code CALLISTO_MEDIA_HOST}:{@code CALLISTO_ICE_PORT} (UDP, one port
 * for every browser leg), pairing only with browser candidates in {@code CALLISTO_ICE_ALLOWED_NETWORKS} (CIDR blocks,
 * comma separated; by default the network of the media address itself), and a fresh DTLS certificate per process.
 */
final class SoftphoneEdge {
    static final int DEFAULT_ICE_PORT = 10_000;

    private SoftphoneEdge() {
    }

    static Softphones start(Settings settings, AgentStateService states, Clock clock) {
        String host = settings.get("CALLISTO_MEDIA_HOST", "127.0.0.1");
        List<IpBlock> allowed = allowedNetworks(settings.optional("CALLISTO_ICE_ALLOWED_NETWORKS").orElse(null), host);
        IcePort port = IcePort.bind(host, settings.getInt("CALLISTO_ICE_PORT", DEFAULT_ICE_PORT, 1, 65_535),
                address -> allowed.stream().anyMatch(block -> block.contains(address)));
        System.getLogger(SoftphoneEdge.class.getName()).log(System.Logger.Level.INFO,
                "softphone media (ICE) on {0}:{1,number,#} UDP, pairing with {2}", host, port.port(), allowed);
        return new Softphones(new SoftphoneMedia(port, DtlsIdentity.generate(), host,
                settings.getDuration("CALLISTO_SOFTPHONE_CONNECT_TIMEOUT", SoftphoneMedia.DEFAULT_CONNECT_TIMEOUT),
                settings.getDuration("CALLISTO_SOFTPHONE_REATTACH_GRACE", SoftphoneMedia.DEFAULT_REATTACH_GRACE)),
                states, clock);
    }

    /** The configured blocks, or the network the media address is on (a lone address when no interface has it). */
    static List<IpBlock> allowedNetworks(String configured, String mediaHost) {
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> IpBlock.parse(s).orElseThrow(() -> new IllegalArgumentException(
                            "CALLISTO_ICE_ALLOWED_NETWORKS: '" + s + "' is not an address or CIDR block")))
                    .toList();
        }
        try {
            InetAddress address = InetAddress.getByName(mediaHost);
            NetworkInterface nic = NetworkInterface.getByInetAddress(address);
            int prefix = address.getAddress().length * 8;
            if (nic != null) {
                for (InterfaceAddress candidate : nic.getInterfaceAddresses()) {
                    if (candidate.getAddress().equals(address)) {
                        prefix = candidate.getNetworkPrefixLength();
                    }
                }
            }
            return List.of(IpBlock.parse(address.getHostAddress() + "/" + prefix).orElseThrow());
        } catch (SocketException e) {
            throw new IllegalStateException("cannot read the network of CALLISTO_MEDIA_HOST=" + mediaHost, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("CALLISTO_MEDIA_HOST=" + mediaHost + " is not an address", e);
        }
    }
}
