package io.callisto.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 1, 1);

    @Test
    void hashesVerifyAndAreSalted() {
        String hash = hasher.hash("Correct-Horse-42");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.matches("Correct-Horse-42", hash)).isTrue();
        assertThat(hasher.matches("correct-horse-42", hash)).isFalse();
        assertThat(hasher.hash("Correct-Horse-42")).isNotEqualTo(hash);
    }

    @Test
    void readsParametersFromTheStoredHashAndRejectsGarbage() {
        String strong = Argon2PasswordHasher.owaspDefaults().hash("Correct-Horse-42");
        assertThat(strong).contains("m=19456,t=2,p=1");
        assertThat(hasher.matches("Correct-Horse-42", strong)).isTrue();
        assertThat(hasher.matches("x", "$2a$10$notargon")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
        String tooCheap = "$argon2id$v=19$m=1,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + "A".repeat(43);
        assertThat(hasher.matches("x", tooCheap)).isFalse();
    }
}
