package io.callisto.grid.acd;

import com.tangosol.net.NamedMap;
import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import com.tangosol.util.filter.MapEventFilter;
import io.callisto.core.acd.AcdEventStream;
import io.callisto.core.acd.EventBatch;
import java.util.function.Consumer;

/**
 * The ACD's event stream on the grid: a listener for new entries of the event map, which the command
 * processors fill in the same atomic step as the state change. Every subscribing member receives every
 * tenant's batches; the subscriber (the WebSocket hub) hands each event only to its tenant's sessions.
 */
public final class GridAcdEvents implements AcdEventStream {
    private final NamedMap<EventKey, EventBatch> events;

    public GridAcdEvents(GridAcd.MapSource maps) {
        this.events = maps.map(EventOutbox.EVENTS);
    }

    @Override
    public AutoCloseable subscribe(Consumer<EventBatch> listener) {
        MapEventFilter<EventKey, EventBatch> inserted = new MapEventFilter<>(MapEventFilter.E_INSERTED);
        MapListener<EventKey, EventBatch> mapListener = new InsertListener(listener);
        events.addMapListener(mapListener, inserted, false);
        return () -> {
            if (events.isActive()) {
                events.removeMapListener(mapListener, inserted);
            }
        };
    }

    /** Hands each inserted batch to the subscriber; expiries and removals are not events. */
    private record InsertListener(Consumer<EventBatch> listener) implements MapListener<EventKey, EventBatch> {
        @Override
        public void entryInserted(MapEvent<EventKey, EventBatch> event) {
            listener.accept(event.getNewValue());
        }

        @Override
        public void entryUpdated(MapEvent<EventKey, EventBatch> event) {
            // batches are written once
        }

        @Override
        public void entryDeleted(MapEvent<EventKey, EventBatch> event) {
            // expiry
        }
    }
}
