package io.callisto.core.testing;

import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** UserRepository over the in-memory store. */
public final class InMemoryUserRepository implements UserRepository {
    private final InMemoryStore store;

    InMemoryUserRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, User user) {
        store.access(tenant, () -> {
            requireOwnTenant(tenant, user);
            requireUniqueEmail(tenant, user);
            store.users.put(InMemoryStore.key(tenant, user.id().value()), user);
            return null;
        });
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return store.access(tenant, () -> Optional.ofNullable(store.users.get(InMemoryStore.key(tenant, id.value()))));
    }

    @Override
    public Optional<User> findByEmail(TenantId tenant, String email) {
        return store.access(tenant, () -> ofTenant(tenant).stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public Page<User> list(TenantId tenant, PageRequest page) {
        return store.access(tenant, () -> Page.ofFetched(ofTenant(tenant).stream()
                .filter(u -> page.after() == null || u.id().value().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(u -> u.id().value()))
                .limit(page.limit() + 1L).toList(), page.limit(), u -> u.id().value()));
    }

    @Override
    public boolean update(TenantId tenant, User user) {
        return store.access(tenant, () -> {
            String key = InMemoryStore.key(tenant, user.id().value());
            if (!user.tenantId().equals(tenant) || !store.users.containsKey(key)) {
                return false;
            }
            requireUniqueEmail(tenant, user);
            store.users.put(key, user);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, UserId id) {
        return store.access(tenant, () -> store.users.remove(InMemoryStore.key(tenant, id.value())) != null);
    }

    @Override
    public long countWithRole(TenantId tenant, Role role) {
        return store.access(tenant, () -> ofTenant(tenant).stream().filter(u -> u.hasRole(role)).count());
    }

    @Override
    public List<TenantId> tenantsWithEmail(String email) {
        return store.access(null, () -> store.users.values().stream()
                .filter(u -> u.email().equals(email)).map(User::tenantId).distinct().toList());
    }

    private List<User> ofTenant(TenantId tenant) {
        return store.users.values().stream().filter(u -> u.tenantId().equals(tenant)).toList();
    }

    private void requireUniqueEmail(TenantId tenant, User user) {
        boolean taken = ofTenant(tenant).stream()
                .anyMatch(u -> u.email().equals(user.email()) && !u.id().equals(user.id()));
        if (taken) {
            throw Errors.conflict("duplicate-email", "a user with this email already exists");
        }
    }

    private static void requireOwnTenant(TenantId tenant, User user) {
        if (!user.tenantId().equals(tenant)) {
            throw new IllegalStateException("user of tenant " + user.tenantId() + " stored under " + tenant);
        }
    }
}
