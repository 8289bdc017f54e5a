package io.callisto.core.error;

import java.util.List;
import java.util.Objects;

/**
 * A typed, expected failure with a stable error code (e.g. {@code duplicate-email}) that clients
 * may rely on, and a human-readable detail that never contains a secret.
 */
public class CallistoException extends RuntimeException {
    private final ErrorKind kind;
    private final String code;
    private final List<FieldError> fieldErrors;

    public CallistoException(ErrorKind kind, String code, String detail) {
        this(kind, code, detail, List.of());
    }

    public CallistoException(ErrorKind kind, String code, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One invalid field of a request: its JSON name and what is wrong with it. */
    public record FieldError(String field, String message) implements java.io.Serializable {
    }
}
