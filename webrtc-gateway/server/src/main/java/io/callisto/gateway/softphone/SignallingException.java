package io.callisto.gateway.softphone;

/**
 * A softphone message refused: the {@code error} message's code and text, and for a refusal the platform made, its
 * own code as the {@code reason} (e.g. {@code agent-busy}, {@code not-found}); nothing was changed.
 */
public final class SignallingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String callId;
    private final String reason;

    public SignallingException(String code, String message) {
        this(code, message, null);
    }

    public SignallingException(String code, String message, String callId) {
        this(code, message, callId, null);
    }

    public SignallingException(String code, String message, String callId, String reason) {
        super(message);
        this.code = code;
        this.callId = callId;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public String callId() {
        return callId;
    }
}
