package io.callisto.gateway.media.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Selector;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One I/O thread: a selector over the channels of the bridges assigned to it, a queue of control
 * tasks from other threads, and the timers of the prompts it plays. One receive buffer is reused
 * for every packet, which is rewritten in place and sent on. Nothing here allocates per packet.
 */
final class RelayLoop implements Executor {

    private static final System.Logger LOG = System.getLogger(RelayLoop.class.getName());
    /** Larger than any RTP we relay; a datagram that fills it may have been truncated and is dropped. */
    private static final int BUFFER_SIZE = 2048;
    /** Frames a late prompt may send at once to catch up; beyond that it skips ahead. */
    private static final int MAX_CATCH_UP = 3;
    private static final long CONTROL_TIMEOUT_SECONDS = 5;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Playback> timers = new PriorityQueue<>(Comparator.comparingLong(Playback::nextDueNanos));
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final Consumer<SelectionKey> ignore = key -> { };
    private volatile boolean running = true;
    private long now;
    private boolean nowValid;
    private long failures;

    RelayLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the RTP relay", e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a control task for the loop thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    /** Runs {@code task} on the loop thread and waits for it (inline when already there or stopped). */
    void call(Runnable task) {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            task.run();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(CONTROL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "relay loop task did not complete: " + e);
        }
    }

    /**
     * Queues a packet that arrived elsewhere (a browser leg's decrypted SRTP) to be handled like one read from a
     * port; it is copied, so the caller may reuse its array.
     */
    void inject(Inbound inbound, byte[] packet, int length, InetSocketAddress source, java.util.function.BooleanSupplier
            current) {
        if (length <= 0 || length >= BUFFER_SIZE) {
            inbound.leg().stats().increment(LegCounter.DROPPED_MALFORMED);
            return;
        }
        if (Thread.currentThread() == thread) {
            // read on this loop (the ICE port's datagrams): forward at once, no copy kept, no wake-up
            if (current.getAsBoolean()) {
                buffer.clear();
                buffer.put(packet, 0, length).flip();
                inbound.handle(buffer, length, source, System.nanoTime());
            }
            return;
        }
        byte[] copy = java.util.Arrays.copyOf(packet, length);
        execute(() -> {
            if (!current.getAsBoolean()) {
                return;
            }
            buffer.clear();
            buffer.put(copy).flip();
            inbound.handle(buffer, length, source, System.nanoTime());
        });
    }

    /**
     * Reads {@code channel} on this loop for {@code receiver}, into a buffer of its own (a receiver may inject what it
     * read into a bridge, which uses the loop's buffer). Loop thread only; cancel the key to stop.
     */
    SelectionKey register(DatagramChannel channel, DatagramReceiver receiver) throws IOException {
        return channel.register(selector, SelectionKey.OP_READ, new Foreign(receiver,
                ByteBuffer.allocateDirect(BUFFER_SIZE)));
    }

    /** A channel read for a {@link DatagramReceiver}. */
    private record Foreign(DatagramReceiver receiver, ByteBuffer buffer) {
    }

    void register(DatagramChannel channel, Inbound inbound, Consumer<SelectionKey> keep) {
        try {
            keep.accept(channel.register(selector, SelectionKey.OP_READ, inbound));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot register RTP channel " + inbound + ": " + e);
        }
    }

    /** Cancels keys and lets the selector drop them, so their channels close at once. Loop thread only. */
    void deregister(SelectionKey... keys) {
        for (SelectionKey key : keys) {
            if (key != null) {
                key.cancel();
            }
        }
        try {
            // level-triggered: readiness of other channels consumed here is reported again next time
            selector.selectNow(ignore);
        } catch (IOException | ClosedSelectorException e) {
            // a closed selector has already let go of every channel
            LOG.log(System.Logger.Level.DEBUG, "selectNow after cancel: " + e);
        }
    }

    void schedule(Playback playback, long dueNanos) {
        playback.scheduleAt(dueNanos);
        timers.add(playback);
    }

    void shutdown() {
        running = false;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CONTROL_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runTasks();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing selector: " + e);
        }
    }

    private void run() {
        while (running) {
            try {
                nowValid = false;
                selector.select(onReady, timeoutMillis());
                runTasks();
                runTimers(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                logFailure(e);
            }
        }
    }

    private long timeoutMillis() {
        Playback next = timers.peek();
        if (next == null) {
            return 0; // block until I/O or a task
        }
        long waitNanos = next.nextDueNanos() - System.nanoTime();
        return waitNanos <= 0 ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
    }

    private long now() {
        if (!nowValid) {
            now = System.nanoTime();
            nowValid = true;
        }
        return now;
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() instanceof Foreign foreign) {
            onForeignReady(key, foreign);
            return;
        }
        Inbound inbound = (Inbound) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        try {
            // One datagram per readiness: the selector is level-triggered and reports a channel with more again at
            // once. Reading on until the socket is empty cost a failed recvfrom per packet at the rates calls have
            // (one packet per channel per wake-up), and system calls are most of what a relayed packet costs.
            buffer.clear();
            InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
            if (source != null) {
                inbound.handle(buffer, buffer.position(), source, now());
            }
        } catch (IOException e) {
            key.cancel();
            LOG.log(System.Logger.Level.DEBUG, "receive failed on " + inbound + ", channel dropped: " + e);
        } catch (RuntimeException e) {
            logFailure(e);
        }
    }

    private void onForeignReady(SelectionKey key, Foreign foreign) {
        ByteBuffer own = foreign.buffer();
        try {
            own.clear();
            InetSocketAddress source = (InetSocketAddress) ((DatagramChannel) key.channel()).receive(own);
            if (source != null && own.position() < BUFFER_SIZE) { // a full buffer may hold a truncated datagram
                foreign.receiver().receive(own, own.position(), source);
            }
        } catch (IOException e) {
            key.cancel();
            LOG.log(System.Logger.Level.WARNING, "receive failed on a channel read for another component, dropped: " + e);
        } catch (RuntimeException e) {
            logFailure(e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                logFailure(e);
            }
        }
    }

    private void runTimers(long nowNanos) {
        Playback playback;
        while ((playback = timers.peek()) != null && playback.nextDueNanos() - nowNanos <= 0) {
            timers.poll();
            if (!playback.isActive()) {
                continue;
            }
            long due = playback.nextDueNanos();
            for (int sent = 0; sent < MAX_CATCH_UP && due - nowNanos <= 0 && playback.isActive(); sent++) {
                try {
                    if (!playback.forwarder().playFrame(playback, buffer, nowNanos)) {
                        playback.stop();
                    }
                } catch (RuntimeException e) {
                    playback.stop(); // a broken source ends its own prompt, visibly, and no other
                    logFailure(e);
                }
                due += Playback.FRAME_NANOS;
            }
            if (due - nowNanos <= 0) {
                due = nowNanos + Playback.FRAME_NANOS; // far behind (overload, GC): skip instead of bursting
            }
            if (playback.isActive()) {
                schedule(playback, due);
            }
        }
    }

    private void logFailure(Exception e) {
        // a bug must not stop the media of every call on this thread; log the first few and then rarely
        failures++;
        if (failures <= 10 || failures % 10_000 == 0) {
            LOG.log(System.Logger.Level.ERROR, "RTP relay loop " + thread.getName() + " failure #" + failures, e);
        }
    }

    /** What a registered channel feeds: one leg's RTP or RTCP port. */
    record Inbound(BridgeForwarder forwarder, RelayLeg leg, boolean rtcpPort) {

        void handle(ByteBuffer buf, int len, InetSocketAddress source, long nowNanos) {
            if (len >= BUFFER_SIZE) {
                leg.stats().increment(LegCounter.DROPPED_MALFORMED);
            } else if (rtcpPort) {
                forwarder.onRtcp(leg, buf, len, source, nowNanos, false);
            } else if (RtpPacket.isRtcp(buf, 0, len)) {
                forwarder.onRtcp(leg, buf, len, source, nowNanos, true);
            } else {
                forwarder.onRtp(leg, buf, len, source, nowNanos);
            }
        }

        @Override
        public String toString() {
            return leg.side() + (rtcpPort ? " RTCP " + leg.rtcpPort() : " RTP " + leg.rtpPort());
        }
    }
}
