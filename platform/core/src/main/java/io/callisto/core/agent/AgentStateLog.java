package io.callisto.core.agent;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.List;

/** Port: the audit of agents' state transitions. */
public interface AgentStateLog {
    /** Appends; a change already stored (same batch and index) is skipped, so a retried write is harmless. */
    void appendAll(TenantId tenant, List<AgentStateChange> changes);

    /** An agent's transitions, newest first; the cursor is opaque. */
    Page<AgentStateChange> list(TenantId tenant, String agentId, PageRequest page);
}
