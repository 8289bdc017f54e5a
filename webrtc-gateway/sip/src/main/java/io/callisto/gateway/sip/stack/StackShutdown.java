package io.callisto.gateway.sip.stack;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.TCPMessageProcessor;
import gov.nist.javax.sip.stack.TLSMessageProcessor;
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
 *
 * <p>A TCP or TLS listening point whose port could not be bound stays registered with the stack, without a server
 * socket; the stack's stop then fails on it with a NullPointerException, hiding the bind error and leaving the rest of
 * the stack running. So such points are taken out of the stack before it is stopped.
 */
final class StackShutdown {
    private static final long POOL_WAIT_MILLIS = 2_000;
    private static final Field CHANNELS = field(UDPMessageProcessor.class, "messageChannels");
    private static final Field PROCESSORS = field(SIPTransactionStack.class, "messageProcessors");
    private static final Field SERVER_SOCKET = field(ConnectionOrientedMessageProcessor.class, "sock");

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
        if (stack instanceof SIPTransactionStack transactions) {
            forgetUnboundProcessors(transactions);
        }
        stack.stop();
    }

    private static void forgetUnboundProcessors(SIPTransactionStack stack) {
        if (PROCESSORS == null || SERVER_SOCKET == null) {
            return;
        }
        try {
            if (PROCESSORS.get(stack) instanceof Collection<?> processors) {
                processors.removeIf(StackShutdown::neverBound);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // then the stop may fail as before; the caller reports the original error either way
        }
    }

    private static boolean neverBound(Object processor) {
        try {
            // the stream processors that listen on a server socket (the NIO ones, which this stack is not set up
            // with, keep theirs elsewhere)
            boolean listens = processor instanceof TCPMessageProcessor || processor instanceof TLSMessageProcessor;
            return listens && SERVER_SOCKET.get(processor) == null;
        } catch (IllegalAccessException e) {
            return false;
        }
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

    /** A field of the stack's; null (no waiting, no clean-up) if a different build of the stack does not have it. */
    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
