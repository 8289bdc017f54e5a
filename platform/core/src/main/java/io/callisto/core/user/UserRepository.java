package io.callisto.core.user;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: a tenant's users. Every call names the tenant; no call returns another tenant's user. */
public interface UserRepository {
    /** Inserts a user; throws a {@code duplicate-email} conflict when the tenant has that email. */
    void insert(TenantId tenant, User user);

    Optional<User> find(TenantId tenant, UserId id);

    Optional<User> findByEmail(TenantId tenant, String email);

    /** Users ordered by id; the cursor is the last id of the previous page. */
    Page<User> list(TenantId tenant, PageRequest page);

    /** Replaces a user; false when the tenant has no such user. Conflict on a duplicate email. */
    boolean update(TenantId tenant, User user);

    boolean delete(TenantId tenant, UserId id);

    long countWithRole(TenantId tenant, Role role);

    /**
     * The tenants that have a user with this email. The only lookup that spans tenants: sign-in
     * needs it before it knows the tenant, and it reveals ids only to the service, never to a client.
     */
    List<TenantId> tenantsWithEmail(String email);
}
