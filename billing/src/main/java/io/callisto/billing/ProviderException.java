package io.callisto.billing;

/**
 * The payment provider failed or refused. {@code transientFailure}: it was unreachable, overloaded or failed
 * internally, so the same request may succeed later; otherwise it refused the request as such.
 */
public final class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean transientFailure;
    private final String code;

    public ProviderException(String message, boolean transientFailure, String code, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.code = code;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The provider's error code, when it gave one. */
    public String code() {
        return code;
    }
}
