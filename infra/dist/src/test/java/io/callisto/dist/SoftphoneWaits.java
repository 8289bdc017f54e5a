package io.callisto.dist;

import io.callisto.core.ids.TenantId;
import io.callisto.gateway.media.webrtc.BrowserMedia;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the browser agent's end-to-end tests wait for in the running Callisto. */
final class SoftphoneWaits {
    private SoftphoneWaits() {
    }

    /** The agent's browser call's media once connected (ICE and DTLS done). */
    static BrowserMedia awaitMedia(Callisto callisto, TenantId tenant, String agentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var media = callisto.softphones().mediaOf(tenant, agentId);
            if (media.isPresent()) {
                return media.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the browser's media never connected");
    }

    /** Both legs gone: no browser call or media, no relay bridge, no call in the gateway. */
    static void awaitGone(Callisto callisto, TenantId tenant, String agentId) throws InterruptedException {
        await("the call cleaned up on both legs", () -> callisto.softphones().activeCalls() == 0
                && callisto.sip().relay().activeBridges().isEmpty() && callisto.sip().calls().active() == 0
                && callisto.softphones().mediaOf(tenant, agentId).isEmpty(), Duration.ofSeconds(20));
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
