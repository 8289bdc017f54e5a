package io.callisto.core.acd;

import java.util.function.Consumer;

/**
 * Port: the ACD's events as they happen, for every tenant. Each subscriber gets every batch once, in order
 * per tenant; it must sort out which tenant and user each event is for (never across tenants).
 */
public interface AcdEventStream {
    /** Starts delivering batches to the listener; closing the subscription stops it. */
    AutoCloseable subscribe(Consumer<EventBatch> listener);
}
