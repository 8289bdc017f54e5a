package io.callisto.gateway.media.rtp;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Finds legs whose peer went silent (no RTP or RTCP) for longer than a timeout, so call control can
 * hang up calls whose phone vanished without a BYE. Runs on its own scheduler thread, every period,
 * off the packet path: it only reads each leg's last-activity time.
 * <ul>
 *   <li>Only legs whose direction receives are watched: a peer we put on hold may rightly send nothing.</li>
 *   <li>Silence counts from the later of the last packet and the last change of the leg's remote or
 *       direction, so a leg just resumed from hold, or just answered, gets the full timeout.</li>
 *   <li>A leg is reported once per silence; if its media resumes and stops again, it is reported again.</li>
 * </ul>
 */
public final class MediaInactivityWatch implements AutoCloseable {

    /** Told about a silent leg. Called on the watch's thread; exceptions are logged and ignored. */
    @FunctionalInterface
    public interface Listener {
        void onInactive(RtpBridge bridge, Side side, Duration silentFor);
    }

    private static final System.Logger LOG = System.getLogger(MediaInactivityWatch.class.getName());

    private final Supplier<? extends Collection<RtpBridge>> bridges;
    private final long timeoutNanos;
    private final Listener listener;
    private final Map<RelayLeg, Report> reported = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    private MediaInactivityWatch(Supplier<? extends Collection<RtpBridge>> bridges, Duration timeout, Listener listener,
                                 ScheduledExecutorService scheduler) {
        this.bridges = Objects.requireNonNull(bridges, "bridges");
        this.timeoutNanos = timeout.toNanos();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = scheduler;
    }

    /** Watches every bridge of {@code engine}, checking every second. */
    public static MediaInactivityWatch start(RelayEngine engine, Duration timeout, Listener listener) {
        return start(engine::activeBridges, timeout, Duration.ofSeconds(1), listener);
    }

    public static MediaInactivityWatch start(Supplier<? extends Collection<RtpBridge>> bridges, Duration timeout,
                                             Duration period, Listener listener) {
        if (timeout.isNegative() || timeout.isZero() || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("timeout and period must be positive: " + timeout + ", " + period);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rtp-inactivity-watch").daemon().factory());
        MediaInactivityWatch watch = new MediaInactivityWatch(bridges, timeout, listener, scheduler);
        long periodNanos = period.toNanos();
        scheduler.scheduleWithFixedDelay(watch::check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        return watch;
    }

    /** One pass over the bridges; public so that a caller with its own scheduler can drive it. */
    public void check() {
        long now = System.nanoTime();
        Collection<RtpBridge> current = bridges.get();
        reported.values().removeIf(report -> report.bridge().isClosed());
        for (RtpBridge bridge : current) {
            if (!bridge.isClosed()) {
                checkLeg(bridge, bridge.leg(Side.A), now);
                checkLeg(bridge, bridge.leg(Side.B), now);
            }
        }
    }

    private void checkLeg(RtpBridge bridge, RelayLeg leg, long now) {
        if (!leg.direction().receives()) {
            return;
        }
        long since = leg.activityNanos();
        long silent = now - since;
        if (silent <= timeoutNanos) {
            return;
        }
        Report already = reported.put(leg, new Report(bridge, since));
        if (already != null && already.since() == since) {
            return;
        }
        try {
            listener.onInactive(bridge, leg.side(), Duration.ofNanos(silent));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "inactivity listener failed for " + bridge, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** The silence a leg was reported for: its activity time then. */
    private record Report(RtpBridge bridge, long since) {
    }
}
