package io.callisto.core.testing;

import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** AgentStateLog over the in-memory store: keyed by batch and index, listed newest first. */
public final class InMemoryAgentStateLog implements AgentStateLog {
    /** Newest first: by time, then the later batch, then the later place in it. */
    private static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::at)
            .thenComparingLong(Position::batch).thenComparingInt(Position::index).reversed();
    private final InMemoryStore store;

    InMemoryAgentStateLog(InMemoryStore store) {
        this.store = store;
    }

    private record Position(Instant at, long batch, int index) {
        Position(AgentStateChange c) {
            this(c.at(), c.batch(), c.index());
        }
    }

    @Override
    public void appendAll(TenantId tenant, List<AgentStateChange> changes) {
        store.access(tenant, () -> {
            changes.forEach(c -> store.stateChanges.putIfAbsent(new Owned(tenant, c.batch() + "/" + c.index()), c));
            return null;
        });
    }

    @Override
    public Page<AgentStateChange> list(TenantId tenant, String agentId, PageRequest page) {
        Position after = page.after() == null ? null : position(page.after());
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.stateChanges, tenant)
                .filter(c -> c.agentId().equals(agentId))
                .filter(c -> after == null || NEWEST_FIRST.compare(new Position(c), after) > 0)
                .sorted(Comparator.comparing(Position::new, NEWEST_FIRST))
                .limit(page.limit() + 1L).toList(), page.limit(), c -> InMemoryCursors.encode(c.at(), c.batch(), c.index())));
    }

    private static Position position(String cursor) {
        InMemoryCursors.Decoded decoded = InMemoryCursors.decode(cursor, 2);
        return new Position(decoded.at(), decoded.longKey(0), decoded.intKey(1));
    }
}
