package io.callisto.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    /** A 254-character address: the longest allowed. */
    private static final String LONGEST = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "."
            + "d".repeat(61) + ".eee";

    @ParameterizedTest
    @ValueSource(strings = {
        "ann@acme.test",
        "a@b.co",
        "Ann.Lee+support@Mail.Acme.TEST",
        "o'brien_x-y@acme-corp.io",
        "  ann@acme.test  ",
        "ann@123.example",
        "x!#$%&*/=?^`{|}~@acme.test"
    })
    void acceptsValidAddresses(String email) {
        assertThat(EmailAddress.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ",
        "ann",
        "ann@",
        "@acme.test",
        "ann@acme",
        "ann@@acme.test",
        "ann@bob@acme.test",
        "ann lee@acme.test",
        "ann@acme..test",
        "ann@.acme.test",
        "ann@acme.test.",
        "ann@-acme.test",
        "ann@acme-.test",
        "ann@acme_corp.test",
        "ann@acme test",
        "ann(x)@acme.test",
        "änn@acme.test"
    })
    void rejectsInvalidAddresses(String email) {
        assertThat(EmailAddress.isValid(email)).isFalse();
    }

    @Test
    void limitsTheLocalPartTo64AndTheWholeTo254Characters() {
        assertThat(EmailAddress.isValid("a".repeat(64) + "@acme.test")).isTrue();
        assertThat(EmailAddress.isValid("a".repeat(65) + "@acme.test")).isFalse();
        assertThat(LONGEST).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(EmailAddress.isValid(LONGEST)).isTrue();
        assertThat(EmailAddress.isValid(LONGEST + "e")).isFalse();
        assertThat(EmailAddress.isValid("ann@" + "b".repeat(63) + ".test")).isTrue();
        assertThat(EmailAddress.isValid("ann@" + "b".repeat(64) + ".test")).isFalse();
    }

    @Test
    void normalizeTrimsAndLowerCases() {
        assertThat(EmailAddress.normalize("  Ann.Lee@ACME.Test \t")).isEqualTo("ann.lee@acme.test");
        assertThat(EmailAddress.normalize("ann@acme.test")).isEqualTo("ann@acme.test");
    }

    @Test
    void normalizeDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(EmailAddress.normalize("INFO@ACME.TEST")).isEqualTo("info@acme.test");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
