package io.callisto.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.callisto.core.error.CallistoException.FieldError;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    @Test
    void collectsEveryFailedRuleInOrder() {
        Validator v = new Validator()
                .require(false, "name", "is required")
                .require(true, "email", "never reported")
                .require(false, "seats", "must be positive")
                .require(false, "name", "is too long");

        assertThat(v.hasErrors()).isTrue();
        CallistoException e = catchThrowableOfType(CallistoException.class, v::throwIfInvalid);
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.code()).isEqualTo("validation-failed");
        assertThat(e.fieldErrors()).containsExactly(
                new FieldError("name", "is required"),
                new FieldError("seats", "must be positive"),
                new FieldError("name", "is too long"));
        assertThat(e.detail()).isEqualTo("name: is required; seats: must be positive; name: is too long");
    }

    @Test
    void passesWhenEveryRuleHolds() {
        Validator v = new Validator().require(true, "a", "x").require(true, "b", "y");
        assertThat(v.hasErrors()).isFalse();
        assertThatCode(v::throwIfInvalid).doesNotThrowAnyException();
        assertThatCode(new Validator()::throwIfInvalid).doesNotThrowAnyException();
    }

    @Test
    void fieldErrorsOfTheExceptionAreImmutable() {
        CallistoException e = catchThrowableOfType(CallistoException.class,
                () -> new Validator().require(false, "a", "bad").throwIfInvalid());
        assertThatThrownBy(() -> e.fieldErrors().add(new FieldError("b", "sneaked in")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void errorKindsMapToHttpStatuses() {
        assertThat(ErrorKind.INVALID_INPUT.httpStatus()).isEqualTo(400);
        assertThat(ErrorKind.UNAUTHENTICATED.httpStatus()).isEqualTo(401);
        assertThat(ErrorKind.FORBIDDEN.httpStatus()).isEqualTo(403);
        assertThat(ErrorKind.NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorKind.CONFLICT.httpStatus()).isEqualTo(409);
        assertThat(ErrorKind.RATE_LIMITED.httpStatus()).isEqualTo(429);
    }
}
