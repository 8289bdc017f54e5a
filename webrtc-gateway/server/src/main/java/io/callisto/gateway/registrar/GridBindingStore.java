package io.callisto.gateway.registrar;

import com.tangosol.net.NamedMap;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.registrar.BindingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Registrations in the grid ({@value #MAP}), one entry per address of record, so every gateway node reaches every
 * registered phone. Changes are optimistic: read, change, then a conditional replace that fails (and is retried)
 * if another node changed the entry in between; the change function is never shipped to another member.
 */
public final class GridBindingStore implements BindingStore {
    public static final String MAP = "sip-bindings";
    static final int MAX_ATTEMPTS = 50;
    private final NamedMap<String, ArrayList<Binding>> map;

    public GridBindingStore(NamedMap<String, ArrayList<Binding>> map) {
        this.map = map;
    }

    static String key(TenantId tenant, String username) {
        return tenant.value() + "/" + username;
    }

    @Override
    public List<Binding> find(TenantId tenant, String username, Instant now) {
        List<Binding> stored = map.get(key(tenant, username));
        return stored == null ? List.of() : stored.stream().filter(b -> b.isLive(now)).toList();
    }

    @Override
    public List<Binding> update(TenantId tenant, String username, Instant now, UnaryOperator<List<Binding>> change) {
        String key = key(tenant, username);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ArrayList<Binding> current = map.get(key);
            List<Binding> live = current == null ? List.of() : current.stream().filter(b -> b.isLive(now)).toList();
            ArrayList<Binding> next = new ArrayList<>(change.apply(live).stream().filter(b -> b.isLive(now)).toList());
            boolean applied;
            if (current == null) {
                applied = next.isEmpty() || map.putIfAbsent(key, next) == null;
            } else if (next.isEmpty()) {
                applied = map.remove(key, current);
            } else {
                applied = map.replace(key, current, next);
            }
            if (applied) {
                return List.copyOf(next);
            }
        }
        throw new IllegalStateException("the registration of " + key + " changed " + MAX_ATTEMPTS
                + " times while being updated");
    }
}
