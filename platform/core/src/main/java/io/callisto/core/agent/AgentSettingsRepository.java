package io.callisto.core.agent;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: a tenant's agent configuration. Every call names the tenant; none returns another tenant's agent. */
public interface AgentSettingsRepository {
    /** Inserts; a {@code duplicate-agent} conflict when the user already is one, {@code duplicate-sip-username} too. */
    void insert(TenantId tenant, AgentSettings agent);

    Optional<AgentSettings> find(TenantId tenant, String agentId);

    Optional<AgentSettings> findBySipUsername(TenantId tenant, String sipUsername);

    /** Ordered by agent id; the cursor is the last id of the previous page. */
    Page<AgentSettings> list(TenantId tenant, PageRequest page);

    /** Every agent of the tenant, for loading the ACD. */
    List<AgentSettings> all(TenantId tenant);

    /** Replaces; false when there is no such agent. A {@code duplicate-sip-username} conflict as on insert. */
    boolean update(TenantId tenant, AgentSettings agent);

    boolean delete(TenantId tenant, String agentId);
}
