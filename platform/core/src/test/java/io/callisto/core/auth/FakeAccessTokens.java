package io.callisto.core.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Deterministic AccessTokens: numbered tokens that verify to the caller they were issued for. */
final class FakeAccessTokens implements AccessTokens {
    static final Duration TTL = Duration.ofMinutes(15);
    private final Map<String, Caller> issued = new HashMap<>();
    private int counter;

    @Override
    public synchronized Issued issue(Caller caller) {
        counter++;
        String token = "at-" + counter + "-" + caller.principalId();
        issued.put(token, caller);
        return new Issued(token, TTL);
    }

    @Override
    public synchronized Optional<Caller> verify(String token) {
        return Optional.ofNullable(issued.get(token));
    }
}
