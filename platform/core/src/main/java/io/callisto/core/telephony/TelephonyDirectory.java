package io.callisto.core.telephony;

import io.callisto.core.ids.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Read port for the SIP gateway: which tenant a dialled number belongs to and where its calls go, and a tenant's
 * trunks (with their passwords, for REGISTER and outbound digest authentication). Each call is a short read of its
 * own; nothing here changes anything.
 */
public interface TelephonyDirectory {
    /** The route of a dialled number (E.164, or digits that are one without the leading +); empty when nobody has it. */
    Optional<NumberRoute> route(String number);

    /** Every trunk of the tenant, enabled or not. */
    List<Trunk> trunks(TenantId tenant);

    Optional<Trunk> trunk(TenantId tenant, String trunkId);

    /** Every enabled trunk that registers to its carrier, with its tenant (the gateway keeps them registered). */
    List<TenantTrunk> registeringTrunks();

    /** A trunk and whose it is. */
    record TenantTrunk(TenantId tenant, Trunk trunk) {
    }
}
