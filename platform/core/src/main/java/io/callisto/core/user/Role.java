package io.callisto.core.user;

/** What a user may do within their tenant. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    AGENT
}
