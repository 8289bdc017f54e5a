package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping Callisto and starting it again on the same data directory keeps what users did: the tenant,
 * its users, their refresh tokens, and the signing key (access tokens issued before stay valid).
 */
class RestartIT {
    private static final String PASSWORD = "Correct-Horse-42";

    @Test
    void aRestartKeepsTenantsUsersTokensAndTheSigningKey() {
        Map<String, String> cluster = Map.of("CALLISTO_CLUSTER", "restart-it-" + ProcessHandle.current().pid());
        Response tokens;
        String agentId;
        String dataDir;
        try (RunningCallisto first = RunningCallisto.start(RunningCallisto.Database.H2, cluster)) {
            ApiClient api = first.client();
            tokens = api.signUpAndSignIn("Durable Co", "durable@example.test", PASSWORD);
            agentId = api.json("POST", "/api/v1/users", tokens.text("accessToken"), Map.of("email", "agent@example.test",
                    "password", PASSWORD, "roles", new String[] {"AGENT"})).text("id");
            dataDir = first.dataDir().toString();
        }
        try (RunningCallisto second = RunningCallisto.start(RunningCallisto.Database.H2,
                Map.of("CALLISTO_CLUSTER", cluster.get("CALLISTO_CLUSTER"), "CALLISTO_DATA_DIR", dataDir))) {
            ApiClient api = second.client();
            assertThat(api.get("/api/v1/me", tokens.text("accessToken")).status())
                    .as("an access token from before the restart still verifies").isEqualTo(200);
            Response refreshed = api.json("POST", "/api/v1/auth/refresh", null,
                    Map.of("refreshToken", tokens.text("refreshToken")));
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/users/" + agentId, refreshed.text("accessToken")).text("email"))
                    .isEqualTo("agent@example.test");
            assertThat(api.json("POST", "/api/v1/auth/token", null,
                    Map.of("email", "durable@example.test", "password", PASSWORD)).status()).isEqualTo(200);
        }
    }
}
