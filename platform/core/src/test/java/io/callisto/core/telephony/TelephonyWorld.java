package io.callisto.core.telephony;

import io.callisto.core.auth.Caller;
import io.callisto.core.contract.AcdFixtures;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.TrunkService.TrunkInput;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.MutableClock;
import io.callisto.core.user.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Trunk and number services over the in-memory store, with two tenants that each have a queue. */
final class TelephonyWorld {
    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final InMemoryStore store = new InMemoryStore();
    final TrunkService trunks = new TrunkService(store, store.trunks(), clock);
    final NumberService numbers = new NumberService(store, store.numbers(), store.trunks(), store.queues(), clock);
    final TenantId a = tenant();
    final TenantId b = tenant();
    final Caller admin = caller(a, "u-admin", Role.ADMIN);
    final Caller supervisor = caller(a, "u-sup", Role.SUPERVISOR);
    final Caller agent = caller(a, "u-agent", Role.AGENT);
    final Caller adminOfB = caller(b, "u-admin-b", Role.ADMIN);

    private TenantId tenant() {
        Tenant t = Fixtures.tenant();
        store.runInTenant(t.id(), () -> {
            store.tenants().insert(t);
            store.queues().insert(t.id(), AcdFixtures.queue("q-sales", "Sales"));
        });
        return t.id();
    }

    static Caller caller(TenantId tenant, String id, Role... roles) {
        return new Caller(tenant, id, Caller.Kind.USER, Set.of(roles));
    }

    /** A trunk input from JSON-like fields: absent keys are not given, a key mapped to null is cleared. */
    static TrunkInput trunkInput(Map<String, Object> fields) {
        Set<String> known = Set.of("name", "kind", "host", "port", "transport", "username", "password", "register",
                "registerExpiresSeconds", "allowedIps", "failoverHosts", "callerId", "maxChannels", "enabled");
        if (!known.containsAll(fields.keySet())) {
            throw new IllegalArgumentException("unknown field in " + fields.keySet());
        }
        Set<String> cleared = new HashSet<>();
        fields.forEach((k, v) -> {
            if (v == null) {
                cleared.add(k);
            }
        });
        return new TrunkInput((String) fields.get("name"), (String) fields.get("kind"), (String) fields.get("host"),
                (Integer) fields.get("port"), (String) fields.get("transport"), (String) fields.get("username"),
                (String) fields.get("password"), (Boolean) fields.get("register"),
                (Integer) fields.get("registerExpiresSeconds"), strings(fields.get("allowedIps")),
                strings(fields.get("failoverHosts")), (String) fields.get("callerId"), (Integer) fields.get("maxChannels"),
                (Boolean) fields.get("enabled"), cleared);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    /** The smallest valid new trunk (authenticated by its allow-list), with the changes applied. */
    static TrunkInput newTrunk(Object... changes) {
        Map<String, Object> fields = new HashMap<>(Map.of("name", "Carrier", "kind", "CARRIER", "host",
                "sip.carrier.example", "allowedIps", List.of("203.0.113.0/24")));
        for (int i = 0; i < changes.length; i += 2) {
            fields.put((String) changes[i], changes[i + 1]);
        }
        return trunkInput(fields);
    }

    /** A change of the given fields only. */
    static TrunkInput changes(Object... changes) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < changes.length; i += 2) {
            fields.put((String) changes[i], changes[i + 1]);
        }
        return trunkInput(fields);
    }

    static NumberService.NumberInput newNumber(String e164, String trunkId, String queueId) {
        return new NumberService.NumberInput(e164, null, trunkId, new NumberService.TargetInput("QUEUE", queueId, null),
                Set.of());
    }
}
