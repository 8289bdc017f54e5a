package io.callisto.platform.http;

/** Whether an endpoint needs a bearer credential. Everything is AUTHENTICATED unless declared otherwise. */
public enum Access {
    PUBLIC,
    AUTHENTICATED
}
