package io.callisto.gateway.call;

import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.rtp.MediaDirection;
import io.callisto.gateway.media.rtp.MediaEndpoint;
import io.callisto.gateway.media.rtp.PayloadMap;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import java.net.InetSocketAddress;

/** Negotiated SDP turned into the relay's settings: where each side's media goes, and payload type mapping. */
final class MediaPlumbing {
    /** The telephone-event payload type offered to agents' phones (the usual one). */
    static final int AGENT_TELEPHONE_EVENT = 101;

    private MediaPlumbing() {
    }

    /** Points a side at the peer's RTP (and RTCP) address and applies the direction it negotiated. */
    static void point(RtpBridge bridge, Side side, NegotiatedMedia media) {
        bridge.leg(side).setRemote(new MediaEndpoint(new InetSocketAddress(media.remoteAddress(), media.remoteRtpPort()),
                new InetSocketAddress(media.remoteAddress(), media.remoteRtcpPort()), false));
        bridge.leg(side).setDirection(MediaDirection.valueOf(media.direction().name()));
    }

    /** Each side's payload types mapped to the other's: the same codec, telephone-event where both agreed it. */
    static void map(RtpBridge bridge, NegotiatedMedia caller, NegotiatedMedia agent) {
        PayloadMap.Builder toAgent = PayloadMap.builder().audio(caller.codec().payloadType(), agent.codec().payloadType());
        PayloadMap.Builder toCaller = PayloadMap.builder().audio(agent.codec().payloadType(), caller.codec().payloadType());
        if (caller.hasTelephoneEvent() && agent.hasTelephoneEvent()) {
            toAgent.telephoneEvent(caller.telephoneEventType(), agent.telephoneEventType());
            toCaller.telephoneEvent(agent.telephoneEventType(), caller.telephoneEventType());
        }
        bridge.setPayloadMap(Side.A, toAgent.build());
        bridge.setPayloadMap(Side.B, toCaller.build());
    }

    private static final java.util.Map<G711.Law, io.callisto.gateway.media.audio.WavPrompt> RINGBACK =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The ringback tone, made once per law (it is several seconds of synthesized audio). */
    static io.callisto.gateway.media.audio.WavPrompt ringback(G711.Law law) {
        return RINGBACK.computeIfAbsent(law, io.callisto.gateway.media.audio.RingbackTone::northAmerican);
    }

    static G711.Law law(NegotiatedMedia media) {
        return "PCMA".equalsIgnoreCase(media.codec().encoding()) ? G711.Law.A_LAW : G711.Law.MU_LAW;
    }
}
