package io.callisto.gateway.call;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** A call's event tasks, run one at a time in submission order on a shared executor (no thread per call). */
final class SerialEvents {
    private static final System.Logger LOG = System.getLogger(SerialEvents.class.getName());
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private boolean running;

    void submit(Runnable task, Executor executor) {
        synchronized (this) {
            pending.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a call's event failed", e);
            }
        }
    }
}
