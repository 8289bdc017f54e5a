package io.callisto.core.queue;

import io.callisto.core.acd.QueueConfig;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: a tenant's queues as configured. Every call names the tenant; none returns another tenant's queue. */
public interface QueueRepository {
    /** Inserts; a {@code duplicate-queue-name} conflict when the tenant has a queue of that name. */
    void insert(TenantId tenant, QueueConfig queue);

    Optional<QueueConfig> find(TenantId tenant, String queueId);

    /** Ordered by id; the cursor is the last id of the previous page. */
    Page<QueueConfig> list(TenantId tenant, PageRequest page);

    /** Every queue of the tenant, for loading the ACD. */
    List<QueueConfig> all(TenantId tenant);

    /** Replaces; false when there is no such queue; conflict on a duplicate name. */
    boolean update(TenantId tenant, QueueConfig queue);

    /** False when there is no such queue; a {@code queue-in-use} conflict while a number sends its calls to it. */
    boolean delete(TenantId tenant, String queueId);
}
