package io.callisto.core.error;

import java.time.Duration;
import java.util.List;

/** Factories for the errors services raise, so codes stay consistent. */
public final class Errors {
    private Errors() {
    }

    public static CallistoException invalid(String code, String detail) {
        return new CallistoException(ErrorKind.INVALID_INPUT, code, detail);
    }

    public static CallistoException invalid(List<CallistoException.FieldError> fields) {
        String detail = fields.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new CallistoException(ErrorKind.INVALID_INPUT, "validation-failed", detail, fields);
    }

    public static CallistoException notFound(String what) {
        return new CallistoException(ErrorKind.NOT_FOUND, "not-found", what + " not found");
    }

    public static CallistoException conflict(String code, String detail) {
        return new CallistoException(ErrorKind.CONFLICT, code, detail);
    }

    public static CallistoException forbidden(String code, String detail) {
        return new CallistoException(ErrorKind.FORBIDDEN, code, detail);
    }

    public static CallistoException unauthenticated(String code, String detail) {
        return new CallistoException(ErrorKind.UNAUTHENTICATED, code, detail);
    }

    public static RateLimitedException rateLimited(String detail, Duration retryAfter) {
        return new RateLimitedException(detail, retryAfter);
    }
}
