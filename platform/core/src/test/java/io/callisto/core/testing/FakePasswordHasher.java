package io.callisto.core.testing;

import io.callisto.core.auth.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast, transparent PasswordHasher for tests: the hash of {@code p} is {@code "hash:" + p}. */
public final class FakePasswordHasher implements PasswordHasher {
    private final AtomicInteger matchCalls = new AtomicInteger();

    @Override
    public String hash(String password) {
        return "hash:" + password;
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        matchCalls.incrementAndGet();
        return encodedHash.equals(hash(password));
    }

    /** How often {@link #matches} ran (sign-in must hash even for unknown emails). */
    public int matchCalls() {
        return matchCalls.get();
    }
}
