package io.callisto.gateway.softphone;

/** A softphone message refused: the {@code error} message's code and text; nothing was changed. */
public final class SignallingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String callId;

    public SignallingException(String code, String message) {
        this(code, message, null);
    }

    public SignallingException(String code, String message, String callId) {
        super(message);
        this.code = code;
        this.callId = callId;
    }

    public String code() {
        return code;
    }

    public String callId() {
        return callId;
    }
}
