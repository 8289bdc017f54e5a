package io.callisto.gateway.sip.registrar;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Bindings in this process only: tests, and a gateway running without a cluster. */
public final class InMemoryBindingStore implements BindingStore {
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();

    static String key(TenantId tenant, String username) {
        return tenant.value() + "/" + username;
    }

    @Override
    public List<Binding> find(TenantId tenant, String username, Instant now) {
        return live(bindings.getOrDefault(key(tenant, username), List.of()), now);
    }

    @Override
    public List<Binding> update(TenantId tenant, String username, Instant now, UnaryOperator<List<Binding>> change) {
        List<Binding> result = bindings.compute(key(tenant, username), (k, current) -> {
            List<Binding> next = live(change.apply(live(current == null ? List.of() : current, now)), now);
            return next.isEmpty() ? null : next;
        });
        return result == null ? List.of() : result;
    }

    static List<Binding> live(List<Binding> list, Instant now) {
        return list.stream().filter(b -> b.isLive(now)).toList();
    }
}
