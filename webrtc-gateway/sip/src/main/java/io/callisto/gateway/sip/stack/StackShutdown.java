package io.callisto.gateway.sip.stack;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Iterator;
import javax.sip.SipStack;

/**
 * Stops a SIP stack without tripping over its UDP receiver's start-up. The stack builds each UDP listening point's
 * pool of receive threads on that point's own thread, after it has been created; stopping the stack closes the pool
 * while it may still be being built, which fails with a ConcurrentModificationException and leaves the rest of the
 * stack (sockets, timers, the threads built after the failure) running. Seen when a gateway is closed straight after
 * it started. So the stop waits, briefly and with a bound, for every UDP pool to be complete first.
 */
final class StackShutdown {
    private static final long POOL_WAIT_MILLIS = 2_000;
    private static final Field CHANNELS = channelsField();

    private StackShutdown() {
    }

    static void stop(SipStack stack, int poolSize) {
        long deadline = System.currentTimeMillis() + POOL_WAIT_MILLIS;
        if (stack instanceof SipStackImpl impl) {
            Iterator<?> points = impl.getListeningPoints();
            while (points.hasNext()) {
                if (points.next() instanceof ListeningPointImpl point) {
                    awaitPool(point.getMessageProcessor(), poolSize, deadline);
                }
            }
        }
        stack.stop();
    }

    private static void awaitPool(MessageProcessor processor, int poolSize, long deadline) {
        if (!(processor instanceof UDPMessageProcessor) || CHANNELS == null) {
            return;
        }
        while (poolBuilt(processor) < poolSize && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int poolBuilt(MessageProcessor processor) {
        try {
            return CHANNELS.get(processor) instanceof Collection<?> channels ? channels.size() : 0;
        } catch (IllegalAccessException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The pool's field; null (no waiting) if a different build of the stack does not have it. */
    private static Field channelsField() {
        try {
            Field field = UDPMessageProcessor.class.getDeclaredField("messageChannels");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
