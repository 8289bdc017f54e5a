package io.callisto.core.error;

import java.time.Duration;

/** Too many attempts; {@link #retryAfter()} says when to try again (HTTP Retry-After). */
public final class RateLimitedException extends CallistoException {
    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ErrorKind.RATE_LIMITED, "rate-limited", detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
