package io.callisto.gateway.call;

import io.callisto.gateway.sip.stack.SipLeg;
import java.time.Duration;

/**
 * What the transferring phone hears once its REFER was answered 202 (RFC 3515): a NOTIFY with the outcome and, when
 * the transfer succeeded, a BYE. The short pauses keep the 202, the NOTIFY and the BYE in order for phones that cannot
 * take them in another order; they run on their own virtual thread.
 */
final class TransferNotices {
    private static final Duration PAUSE = Duration.ofMillis(200);

    private TransferNotices() {
    }

    /** NOTIFY 200, then BYE: the call is in other hands, the transferor leaves. */
    static void succeeded(SipLeg transferor) {
        Thread.ofVirtual().start(() -> {
            pause();
            transferor.notifyTransfer(200, "OK", true);
            pause();
            transferor.hangUp();
        });
    }

    /** NOTIFY 503: the transfer failed and the call stays with the transferor. */
    static void failed(SipLeg transferor) {
        Thread.ofVirtual().start(() -> {
            pause();
            transferor.notifyTransfer(503, "Service Unavailable", true);
        });
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
