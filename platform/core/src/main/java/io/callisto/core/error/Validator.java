package io.callisto.core.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request, so that the client learns all of them at once. */
public final class Validator {
    private final List<CallistoException.FieldError> errors = new ArrayList<>();

    public Validator require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new CallistoException.FieldError(field, message));
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Errors.invalid(errors);
        }
    }
}
