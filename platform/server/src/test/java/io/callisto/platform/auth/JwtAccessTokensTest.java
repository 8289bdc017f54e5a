package io.callisto.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.Caller;
import io.callisto.core.ids.TenantId;
import io.callisto.core.testing.MutableClock;
import io.callisto.core.user.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final JwtAccessTokens tokens = new JwtAccessTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8),
            Duration.ofMinutes(15), clock);
    private final Caller caller = new Caller(new TenantId("tabc"), "u123", Caller.Kind.USER, Set.of(Role.ADMIN, Role.AGENT));

    @Test
    void roundTripsTheCaller() {
        assertThat(tokens.verify(tokens.issue(caller).token())).contains(caller);
    }

    @Test
    void refusesExpiredTamperedForeignAndUnsignedTokens() {
        String token = tokens.issue(caller).token();
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"callisto\",\"aud\":\"callisto-api\",\"sub\":\"u1\",\"tid\":\"tother\","
                        + "\"roles\":[\"ADMIN\"],\"knd\":\"USER\",\"exp\":9999999999}")
                        .getBytes(StandardCharsets.UTF_8));
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        JwtAccessTokens foreign = new JwtAccessTokens("z".repeat(32).getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), clock);

        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(unsignedHeader + "." + otherPayload + ".")).isEmpty();
        assertThat(tokens.verify(foreign.issue(caller).token())).isEmpty();
        assertThat(tokens.verify("not.a.jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();

        clock.advance(Duration.ofMinutes(16));
        assertThat(tokens.verify(token)).isEmpty();
    }
}
