package io.callisto.gateway.sip.registrar;

import io.callisto.core.ids.TenantId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an agent's SIP phone can be reached: the Contact it registered and the address its REGISTER actually came
 * from (behind NAT the Contact names a private address; the gateway sends to the source, over the same transport).
 * Call-ID and CSeq order refreshes: an older REGISTER arriving late never replaces a newer binding.
 */
public record Binding(TenantId tenant, String username, String agentId, String contact, String sourceHost, int sourcePort,
                      String transport, Instant expiresAt, String callId, long cseq) implements Serializable {
    public Binding {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(username);
        Objects.requireNonNull(agentId);
        Objects.requireNonNull(contact);
        Objects.requireNonNull(sourceHost);
        Objects.requireNonNull(transport);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(callId);
    }

    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** Seconds left, for the Contact's expires parameter in the registrar's answer. */
    public long secondsLeft(Instant now) {
        return Math.max(0, java.time.Duration.between(now, expiresAt).toSeconds());
    }
}
