package io.callisto.gateway.sip.registrar;

import java.util.Objects;

/** An agent's SIP credentials as the registrar checks them: only the digest hashes (HA1), never the password. */
public record SipAccount(String agentId, String ha1Md5, String ha1Sha256) {
    public SipAccount {
        Objects.requireNonNull(agentId);
        Objects.requireNonNull(ha1Md5);
        Objects.requireNonNull(ha1Sha256);
    }
}
