package io.callisto.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordPolicyTest {
    private static final String TOO_SHORT = "must be at least 10 characters";
    private static final String TOO_LONG = "must be at most 128 characters";
    private static final String COMMON = "is a well-known password";
    private static final String ONE_CLASS = "must mix at least two of: lower case, upper case, digits, symbols";
    private static final String HAS_EMAIL = "must not contain the email address";
    private static final String OK = null;

    static Stream<Arguments> passwords() {
        return Stream.of(
                Arguments.of("null", null, "ann@acme.test", TOO_SHORT),
                Arguments.of("empty", "", "ann@acme.test", TOO_SHORT),
                Arguments.of("9 characters", "Abcdefg1!", "ann@acme.test", TOO_SHORT),
                Arguments.of("short and common", "password", "ann@acme.test", TOO_SHORT),
                Arguments.of("10 characters", "Abcdefgh1!", "ann@acme.test", OK),
                Arguments.of("128 characters", "Aa1-".repeat(32), "ann@acme.test", OK),
                Arguments.of("129 characters", "Aa1-".repeat(32) + "x", "ann@acme.test", TOO_LONG),
                Arguments.of("common", "password123", "ann@acme.test", COMMON),
                Arguments.of("common in other case", "Password123", "ann@acme.test", COMMON),
                Arguments.of("common upper case", "QWERTYUIOP", "ann@acme.test", COMMON),
                Arguments.of("common with two classes", "abc1234567", "ann@acme.test", COMMON),
                Arguments.of("common with symbol", "P@ssw0rd12", "ann@acme.test", COMMON),
                Arguments.of("lower case only", "correcthorsebattery", "ann@acme.test", ONE_CLASS),
                Arguments.of("upper case only", "CORRECTHORSEBATTERY", "ann@acme.test", ONE_CLASS),
                Arguments.of("digits only", "20261122101530", "ann@acme.test", ONE_CLASS),
                Arguments.of("symbols only", "!@#$%^&*()-+", "ann@acme.test", ONE_CLASS),
                Arguments.of("contains local part", "xJohnsmith-99", "johnsmith@acme.test", HAS_EMAIL),
                Arguments.of("contains upper-case local part", "horse-johnsmith-1", "JohnSmith@Acme.test", HAS_EMAIL),
                Arguments.of("email with surrounding spaces", "Johnsmith-99", " johnsmith@acme.test ", HAS_EMAIL),
                Arguments.of("email without @ is its own local part", "Johnsmith-99", "johnsmith", HAS_EMAIL),
                Arguments.of("local part of 4 characters", "Bobby-Dave-1", "dave@acme.test", HAS_EMAIL),
                Arguments.of("local part under 4 characters is ignored", "Ann-is-great-1", "ann@acme.test", OK),
                Arguments.of("domain may appear", "acme-Test-2026", "johnsmith@acme.test", OK),
                Arguments.of("no email", "Johnsmith-99", null, OK),
                Arguments.of("lower and digits", "abcdefghi1", "ann@acme.test", OK),
                Arguments.of("passphrase", "correct horse Battery staple", "ann@acme.test", OK),
                Arguments.of("non-ASCII letters", "ñandúPiñata", "ann@acme.test", OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwords")
    void judgesPasswords(String label, String password, String email, String expected) {
        assertThat(PasswordPolicy.weakness(password, email)).isEqualTo(Optional.ofNullable(expected));
    }
}
