package io.callisto.gateway.softphone;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Decides that a browser whose ICE consent checks went unanswered is gone: when, a grace period later, its media is
 * still the call's (no reloaded page re-attached) and none of its SRTP arrived during that period. ice4j fails the
 * pair as soon as one consent check goes unanswered; a browser whose authenticated media keeps coming is there all
 * the same, so the watch goes on until that media stops too.
 */
final class VanishedBrowserWatch {
    private static final System.Logger LOG = System.getLogger(VanishedBrowserWatch.class.getName());

    private VanishedBrowserWatch() {
    }

    /**
     * Starts watching on a virtual thread. {@code decrypted}: the SRTP packets the lost media has received so far;
     * {@code current}: whether it is still the call's media (the call not ended, nothing re-attached); {@code gone}
     * runs once the browser is judged gone.
     */
    static Thread start(String callId, LongSupplier decrypted, Duration grace, BooleanSupplier current,
                        Runnable gone) {
        return Thread.ofVirtual().name("browser-vanish-watch").start(() -> {
            long seen = decrypted.getAsLong();
            boolean reported = false;
            for (;;) {
                try {
                    Thread.sleep(grace);
                } catch (InterruptedException e) {
                    return;
                }
                if (!current.getAsBoolean()) {
                    return;
                }
                long now = decrypted.getAsLong();
                if (now == seen) {
                    gone.run();
                    return;
                }
                if (!reported) {
                    LOG.log(System.Logger.Level.INFO, "call {0}: ICE consent checks went unanswered, but the browser''s "
                            + "media keeps coming; the call goes on", callId);
                    reported = true;
                }
                seen = now;
            }
        });
    }
}
