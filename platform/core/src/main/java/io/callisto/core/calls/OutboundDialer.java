package io.callisto.core.calls;

import io.callisto.core.ids.TenantId;

/**
 * Port: the SIP edge placing an agent's outbound call (click-to-dial): it rings the agent's phone, then dials the
 * number through one of the tenant's trunks, and bridges the two. The call is an interaction of the ACD, connected
 * to the agent, in {@code queueId} (null: the first queue the agent serves, else the tenant's first). Returns the
 * call's id at once; the call then lives on its own and ends in a call detail record. Throws a CallistoException when
 * it cannot even start (no registered phone, no trunk, every channel busy, the agent offline or on a call).
 */
public interface OutboundDialer {
    String dial(TenantId tenant, String agentId, String toE164, String callerIdE164, String queueId);
}
