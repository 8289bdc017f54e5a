package io.callisto.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the typed failures services raise. */
public final class CallistoAssertions {
    private CallistoAssertions() {
    }

    /** Runs the call, asserts it failed with a CallistoException of this kind and code, and returns it. */
    public static CallistoException assertFails(ThrowingCallable call, ErrorKind kind, String code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CallistoException.class);
        CallistoException e = (CallistoException) thrown;
        assertThat(e.kind()).as("kind of %s", e).isEqualTo(kind);
        assertThat(e.code()).as("code of %s", e).isEqualTo(code);
        return e;
    }

    /** Asserts a validation failure and returns the names of its invalid fields, in order. */
    public static List<String> invalidFields(ThrowingCallable call) {
        CallistoException e = assertFails(call, ErrorKind.INVALID_INPUT, "validation-failed");
        return e.fieldErrors().stream().map(CallistoException.FieldError::field).toList();
    }
}
