package io.callisto.gateway.sip.auth;

import java.util.Optional;

/** Finds the stored HA1 of a username within the realm being verified (for agents: the tenant's SIP users). */
@FunctionalInterface
public interface Ha1Source {

    /** The user's HA1, or empty when there is no such user (which verifies as bad credentials). */
    Optional<Ha1> find(String username);
}
