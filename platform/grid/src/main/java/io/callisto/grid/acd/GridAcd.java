package io.callisto.grid.acd;

import com.tangosol.net.NamedMap;
import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import io.callisto.grid.GridNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Acd port on the grid. A tenant's routing state is one entry keyed by the tenant id, so every command
 * for the tenant runs as one entry processor on the member that owns that partition: routing decisions for a
 * tenant are serialized and atomic, and the backup copy (backup count 1) is updated before the call returns,
 * so killing any one member loses nothing. The trade-off for very large tenants is described in the README.
 */
public final class GridAcd implements Acd {
    public static final String MAP = "acd-tenants";
    private final NamedMap<String, byte[]> tenants;
    private final Clock clock;

    public GridAcd(GridNode grid, Clock clock) {
        this(grid::map, clock);
    }

    /**
     * Over maps from a given source (tests join clusters of separate JVMs through their own session). The
     * event and outbox maps are ensured here: the command processors write into them on the storage members.
     */
    public GridAcd(MapSource maps, Clock clock) {
        this.tenants = maps.map(MAP);
        maps.map(EventOutbox.EVENTS);
        maps.map(EventOutbox.OUTBOX);
        this.clock = clock;
    }

    /** Where the grid's maps come from: a member's session. */
    @FunctionalInterface
    public interface MapSource {
        <K, V> NamedMap<K, V> map(String name);
    }

    @Override
    public List<AcdEvent> execute(TenantId tenant, AcdCommand command) {
        CommandResult result = tenants.invoke(tenant.value(),
                new RunCommand(tenant, UUID.randomUUID().toString(), command, clock.instant()));
        if (result.refusal() != null) {
            CommandResult.Refusal r = result.refusal();
            throw new CallistoException(r.kind(), r.code(), r.detail(), r.fieldErrors());
        }
        return result.events();
    }

    @Override
    public Optional<TenantAcd> snapshot(TenantId tenant) {
        return Optional.ofNullable(tenants.get(tenant.value())).map(StoredTenant::load);
    }

    @Override
    public void forget(TenantId tenant) {
        tenants.remove(tenant.value());
    }
}
