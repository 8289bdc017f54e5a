package io.callisto.gateway.sip.registrar;

import io.callisto.core.ids.TenantId;
import java.util.Optional;

/** Port: agents' SIP accounts by tenant and SIP username. */
@FunctionalInterface
public interface SipAccounts {
    Optional<SipAccount> find(TenantId tenant, String username);
}
