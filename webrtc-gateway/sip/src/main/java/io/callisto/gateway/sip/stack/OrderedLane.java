package io.callisto.gateway.sip.stack;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * Runs one leg's INVITE outcome callbacks (provisional, answered, failed, cancelled) one after another in the order
 * they were handed in. The stack reads datagrams on several threads, so a 180 and the 200 right behind it may be
 * processed side by side; without a lane call control could hear "answered" and then "ringing".
 */
final class OrderedLane {
    private static final System.Logger LOG = System.getLogger(OrderedLane.class.getName());
    private final Consumer<Runnable> executor;
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private boolean draining;

    OrderedLane(Consumer<Runnable> executor) {
        this.executor = executor;
    }

    void submit(Runnable work) {
        synchronized (this) {
            pending.add(work);
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.accept(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a leg listener failed", e);
            }
        }
    }
}
