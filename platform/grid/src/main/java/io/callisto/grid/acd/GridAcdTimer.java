package io.callisto.grid.acd;

import com.tangosol.net.NamedMap;
import com.tangosol.util.Filters;
import io.callisto.core.acd.AcdEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Drives the ACD's deadlines (offer timeouts, wrap-up ends, overflows, skill relaxation): every period it
 * ticks the tenants whose indexed next deadline has passed, on the members that own them, in parallel.
 * Several platform members may run it: a tick with nothing due changes nothing.
 */
public final class GridAcdTimer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GridAcdTimer.class.getName());
    private final NamedMap<String, byte[]> tenants;
    private final BiConsumer<String, List<AcdEvent>> events;
    private volatile Thread thread;
    private volatile boolean running = true;

    public GridAcdTimer(NamedMap<String, byte[]> tenants, BiConsumer<String, List<AcdEvent>> events) {
        this.tenants = tenants;
        this.events = events;
        tenants.addIndex(NextDeadline.INSTANCE, true, null);
    }

    /** Ticks every tenant due at {@code now}; returns how many were ticked. */
    public int tickDue(Instant now) {
        Map<String, List<AcdEvent>> results = tenants.invokeAll(
                Filters.lessEqual(NextDeadline.INSTANCE, now.toEpochMilli()), new TickDue(now));
        results.forEach((tenant, happened) -> {
            if (!happened.isEmpty()) {
                events.accept(tenant, happened);
            }
        });
        return results.size();
    }

    /** Runs {@link #tickDue} every period on a virtual thread until closed; a failed pass waits a period too. */
    public synchronized GridAcdTimer start(Clock clock, Duration period) {
        if (thread != null) {
            throw new IllegalStateException("the timer is already running");
        }
        thread = Thread.ofVirtual().name("acd-timer").start(() -> {
            while (running) {
                try {
                    tickDue(clock.instant());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "ACD timer pass failed; retrying next period: " + e);
                }
                try {
                    Thread.sleep(period);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return this;
    }

    @Override
    public void close() {
        running = false;
        Thread timer = thread;
        if (timer != null) {
            timer.interrupt();
            try {
                timer.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
