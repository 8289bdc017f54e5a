package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.media.rtp.Await;
import io.callisto.gateway.media.rtp.LegCounter;
import io.callisto.gateway.media.rtp.PayloadMap;
import io.callisto.gateway.media.rtp.PortRange;
import io.callisto.gateway.media.rtp.RelayConfig;
import io.callisto.gateway.media.rtp.RelayEngine;
import io.callisto.gateway.media.rtp.Rtp;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.media.rtp.UdpPeer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic call relayed over 127.0.0.1 and recorded: left is the caller, right the agent. */
class RecordingThroughBridgeTest {

    private static final int PACKETS = 50;

    @TempDir
    Path dir;

    @Test
    void recordsTheCallerLeftAndTheAgentRight() throws IOException {
        byte callerCode = G711.linearToUlaw(3000);
        byte agentCode = G711.linearToAlaw(-700);
        Path file = dir.resolve("call.wav");
        try (RelayEngine engine = new RelayEngine(RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(29000, 29199)));
             UdpPeer caller = new UdpPeer(); UdpPeer agent = new UdpPeer()) {
            RtpBridge bridge = engine.open(caller.endpoint(), agent.endpoint());
            bridge.setPayloadMap(Side.A, PayloadMap.builder().audio(0).telephoneEvent(101, 101).build());
            StereoWavRecorder recorder = StereoWavRecorder.start(file);
            bridge.setTap(recorder);
            for (int i = 0; i < PACKETS; i++) {
                caller.send(Rtp.packet(0, i, 160 * i, 11, Rtp.audio(callerCode)), bridge.leg(Side.A).rtpPort());
                agent.send(Rtp.packet(8, i, 160 * i, 22, Rtp.audio(agentCode)), bridge.leg(Side.B).rtpPort());
            }
            caller.send(Rtp.packet(101, PACKETS, 160 * PACKETS, 11, Rtp.dtmf(1, true, 800)), bridge.leg(Side.A).rtpPort());
            Await.until(Duration.ofSeconds(10), "all relayed",
                    () -> bridge.leg(Side.B).stats().get(LegCounter.RTP_SENT) == PACKETS + 1
                            && bridge.leg(Side.A).stats().get(LegCounter.RTP_SENT) == PACKETS);
            bridge.clearTap();
            recorder.close();

            assertThat(recorder.packetsRecorded()).as("telephone-event is not tapped").isEqualTo(2 * PACKETS);
            assertThat(recorder.packetsDropped()).isZero();
            assertThat(recorder.packetsIgnored()).isZero();
        }
        RecordedWav wav = RecordedWav.read(file);
        int samples = PACKETS * 160;
        assertThat(wav.frames()).isBetween(samples, samples + 8000);
        assertThat(RecordedWav.count(wav.left(), 0, wav.frames(), G711.ulawToLinear(callerCode))).isEqualTo(samples);
        assertThat(RecordedWav.count(wav.right(), 0, wav.frames(), G711.alawToLinear(agentCode))).isEqualTo(samples);
        assertThat(RecordedWav.count(wav.left(), 0, wav.frames(), G711.alawToLinear(agentCode))).isZero();
    }
}
