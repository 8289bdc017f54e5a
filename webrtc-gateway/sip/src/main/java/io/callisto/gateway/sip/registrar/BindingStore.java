package io.callisto.gateway.sip.registrar;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Port: the registrar's bindings, shared by every gateway node (the grid), so the node that handles a call can
 * reach a phone that registered through another. Bindings past their expiry are never returned.
 */
public interface BindingStore {
    /** The live bindings of an address of record (tenant and SIP username). */
    List<Binding> find(TenantId tenant, String username, Instant now);

    /**
     * Replaces an address of record's bindings with what {@code change} makes of the live ones, atomically with
     * respect to other changes of the same address of record; returns the new live bindings.
     */
    List<Binding> update(TenantId tenant, String username, Instant now, UnaryOperator<List<Binding>> change);
}
