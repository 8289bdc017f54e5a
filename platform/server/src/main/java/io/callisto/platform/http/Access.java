package io.callisto.platform.http;

/** Whether an endpoint needs a bearer credential. Everything is AUTHENTICATED unless declared otherwise. */
public enum Access {
    /** Open to anyone, and rate limited per client address (sign-up, sign-in). */
    PUBLIC,
    /**
     * Open, but every request proves itself with a signature the handler verifies (a payment provider's webhook):
     * not rate limited per address, because one provider sends every tenant's events from a few addresses.
     */
    SIGNED,
    AUTHENTICATED
}
