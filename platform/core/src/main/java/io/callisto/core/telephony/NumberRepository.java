package io.callisto.core.telephony;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.Optional;

/**
 * Port: the tenants' phone numbers. A number (E.164) belongs to one tenant at most: storing one that any tenant
 * has is a {@code number-taken} conflict, which says nothing of whose it is. A number's trunk and target queue
 * must be the same tenant's (an {@code invalid-input} error naming the field otherwise); while a number names
 * them, deleting the trunk or the queue is a {@code trunk-in-use} or {@code queue-in-use} conflict.
 */
public interface NumberRepository {
    void insert(TenantId tenant, NumberConfig number);

    Optional<NumberConfig> find(TenantId tenant, String numberId);

    /** Ordered by id; the cursor is the last id of the previous page. */
    Page<NumberConfig> list(TenantId tenant, PageRequest page);

    /** Replaces; false when there is no such number of the tenant. */
    boolean update(TenantId tenant, NumberConfig number);

    boolean delete(TenantId tenant, String numberId);

    /**
     * Whose number this is, across all tenants: the gateway asks for every inbound INVITE. Usable outside a unit of
     * work (then it runs on its own); the E.164 must be normalized already.
     */
    Optional<NumberRoute> route(String e164);
}
