package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MediaInactivityWatchTest {

    private record Report(RtpBridge bridge, Side side, Duration silentFor) {
    }

    private final RelayEngine engine = new RelayEngine(RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(28000, 28199)));
    private final UdpPeer caller = new UdpPeer();
    private final UdpPeer agent = new UdpPeer();
    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        engine.close();
        caller.close();
        agent.close();
    }

    @Test
    void reportsTheSilentBridgeAndNotTheActiveOne() {
        RtpBridge active = engine.open(caller.endpoint(), agent.endpoint());
        RtpBridge silent = engine.open(caller.endpoint(), agent.endpoint());
        Duration timeout = Duration.ofMillis(800);
        MediaInactivityWatch watch = MediaInactivityWatch.start(engine::activeBridges, timeout, Duration.ofMillis(50),
                (bridge, side, silentFor) -> reports.add(new Report(bridge, side, silentFor)));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int seq = 0;
            while (reports.stream().filter(r -> r.bridge() == silent).count() < 2 && System.nanoTime() < deadline) {
                caller.send(Rtp.packet(0, seq, 160 * seq, 1, Rtp.audio(1)), active.leg(Side.A).rtpPort());
                agent.send(Rtp.packet(0, seq, 160 * seq, 2, Rtp.audio(1)), active.leg(Side.B).rtpPort());
                seq++;
                sleep(20);
            }
        } finally {
            watch.close();
        }

        assertThat(reports).filteredOn(r -> r.bridge() == silent).extracting(Report::side)
                .containsExactlyInAnyOrder(Side.A, Side.B);
        assertThat(reports).filteredOn(r -> r.bridge() == silent)
                .allSatisfy(r -> assertThat(r.silentFor()).isGreaterThan(timeout));
        assertThat(reports).filteredOn(r -> r.bridge() == active).isEmpty();
        assertThat(active.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED)).isPositive();
    }

    @Test
    void reportsOncePerSilenceSkipsHeldLegsAndReportsAgainAfterMediaResumes() {
        RtpBridge bridge = engine.open(caller.endpoint(), agent.endpoint());
        bridge.leg(Side.B).setDirection(MediaDirection.SENDONLY); // the agent is held: it may stay silent
        Duration timeout = Duration.ofSeconds(1);
        try (MediaInactivityWatch watch = MediaInactivityWatch.start(engine::activeBridges, timeout, Duration.ofHours(1),
                (b, side, silentFor) -> reports.add(new Report(b, side, silentFor)))) {
            sleep(1300);
            watch.check();
            watch.check();
            assertThat(reports).extracting(Report::side).containsExactly(Side.A);

            caller.send(Rtp.packet(0, 1, 0, 1, Rtp.audio(1)), bridge.leg(Side.A).rtpPort());
            Await.until(Duration.ofSeconds(10), "packet counted",
                    () -> bridge.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED) == 1);
            watch.check();
            assertThat(reports).as("media resumed: not silent").hasSize(1);

            sleep(1300);
            watch.check();
            assertThat(reports).extracting(Report::side).containsExactly(Side.A, Side.A);

            bridge.close();
            watch.check();
            assertThat(reports).as("closed bridges are not watched").hasSize(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
