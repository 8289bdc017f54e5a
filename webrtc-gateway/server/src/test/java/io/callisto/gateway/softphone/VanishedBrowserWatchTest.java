package io.callisto.gateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A browser whose consent checks went unanswered is gone only once its SRTP has stopped for a grace period too. */
class VanishedBrowserWatchTest {
    private static final Duration GRACE = Duration.ofMillis(300);

    @Test
    void aBrowserWhoseMediaStillComesIsKeptUntilThatMediaStops() throws Exception {
        AtomicLong decrypted = new AtomicLong();
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread sender = Thread.ofVirtual().start(() -> {
            while (flowing.get()) {
                decrypted.incrementAndGet();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CountDownLatch gone = new CountDownLatch(1);
        VanishedBrowserWatch.start("c1", decrypted::get, GRACE, () -> true, gone::countDown);

        assertThat(gone.await(GRACE.toMillis() * 4, TimeUnit.MILLISECONDS)).as("gone while its media flows").isFalse();
        flowing.set(false);
        sender.join();
        assertThat(gone.await(10, TimeUnit.SECONDS)).as("gone once its media stopped").isTrue();
    }

    @Test
    void aSilentBrowserIsGoneAfterOneGracePeriod() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        VanishedBrowserWatch.start("c1", () -> 42, GRACE, () -> true, gone::countDown);
        assertThat(gone.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCallThatEndedOrWasReattachedMeanwhileIsLeftAlone() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Thread watch = VanishedBrowserWatch.start("c1", () -> 42, GRACE, () -> false, () -> ran.set(true));
        watch.join(10_000);
        assertThat(watch.isAlive()).isFalse();
        assertThat(ran).isFalse();
    }
}
