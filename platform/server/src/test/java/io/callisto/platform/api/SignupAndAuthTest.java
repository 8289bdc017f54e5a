package io.callisto.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import io.callisto.platform.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in, /me, refresh rotation and sign-out over real HTTP. */
class SignupAndAuthTest {
    private static final String PASSWORD = "Correct-Horse-42";
    private static TestPlatform platform;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        api = platform.client();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String email() {
        return "admin-" + System.nanoTime() + "@acme.test";
    }

    @Test
    void signUpMakesAnActiveTenantWithItsAdmin() {
        String email = email();
        Response signup = api.json("POST", "/api/v1/signup", null, Map.of("companyName", "Acme Support",
                "adminEmail", email, "adminPassword", PASSWORD, "adminName", "Ada Admin", "seats", 7));

        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.text("status")).isEqualTo("ACTIVE");
        assertThat(signup.json().has("checkoutUrl")).isFalse();
        Response token = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.text("tenantId")).isEqualTo(signup.text("tenantId"));
        assertThat(token.text("userId")).isEqualTo(signup.text("adminUserId"));
        assertThat(token.json().get("expiresIn").asInt()).isEqualTo(900);
        assertThat(token.json().get("roles").toString()).isEqualTo("[\"ADMIN\"]");

        Response me = api.get("/api/v1/me", token.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("name")).isEqualTo("Ada Admin");
        assertThat(me.text("tenantId")).isEqualTo(signup.text("tenantId"));
        Response tenant = api.get("/api/v1/tenant", token.text("accessToken"));
        assertThat(tenant.text("companyName")).isEqualTo("Acme Support");
        assertThat(tenant.json().get("seatsLeased").asInt()).isEqualTo(7);
        assertThat(tenant.text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void signUpRefusesDuplicateInvalidAndWeakInputWithClearErrors() {
        String email = email();
        api.signUpAndSignIn("First Co", email, PASSWORD);

        Response duplicate = api.json("POST", "/api/v1/signup", null,
                Map.of("companyName", "Second Co", "adminEmail", email.toUpperCase(), "adminPassword", PASSWORD));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("code")).isEqualTo("duplicate-email");
        assertThat(duplicate.contentType()).startsWith("application/problem+json");

        Response invalid = api.json("POST", "/api/v1/signup", null,
                Map.of("companyName", " ", "adminEmail", "not-an-email", "adminPassword", "short"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("code")).isEqualTo("validation-failed");
        assertThat(invalid.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("companyName", "adminEmail", "adminPassword");

        Response weak = api.json("POST", "/api/v1/signup", null,
                Map.of("companyName", "Weak Co", "adminEmail", email(), "adminPassword", "password123"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("message").asText()).contains("well-known");

        Response missingCompany = api.json("POST", "/api/v1/signup", null,
                Map.of("adminEmail", email(), "adminPassword", PASSWORD));
        assertThat(missingCompany.status()).isEqualTo(400);
        assertThat(missingCompany.json().get("errors").findValuesAsText("field")).containsExactly("companyName");
    }

    @Test
    void wrongPasswordsLockTheAccountAndNeverSayWhichPartWasWrong() {
        String email = email();
        api.signUpAndSignIn("Lock Co", email, PASSWORD);
        Response unknown = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email(), "password", PASSWORD));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("code")).isEqualTo("invalid-credentials");

        for (int i = 0; i < 5; i++) {
            Response wrong = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", "Wrong-pass-" + i));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
        }
        Response locked = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(800, 900);
        assertThat(locked.body()).doesNotContain(PASSWORD);
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheFamily() {
        Response first = api.signUpAndSignIn("Rotate Co", email(), PASSWORD);
        String original = first.text("refreshToken");

        Response second = api.json("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", original));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refreshToken")).isNotEqualTo(original);
        assertThat(api.get("/api/v1/me", second.text("accessToken")).status()).isEqualTo(200);

        Response replay = api.json("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", original));
        assertThat(replay.status()).isEqualTo(401);
        Response afterTheft = api.json("POST", "/api/v1/auth/refresh", null,
                Map.of("refreshToken", second.text("refreshToken")));
        assertThat(afterTheft.status()).as("the whole family is revoked after a replay").isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Response tokens = api.signUpAndSignIn("Logout Co", email(), PASSWORD);
        Response logout = api.json("POST", "/api/v1/auth/logout", null, Map.of("refreshToken", tokens.text("refreshToken")));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(api.json("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.text("refreshToken")))
                .status()).isEqualTo(401);
        assertThat(api.json("POST", "/api/v1/auth/logout", null, Map.of("refreshToken", "rt.garbage")).status())
                .isEqualTo(204);
    }

    @Test
    void apiKeysAuthenticateUntilRevokedAndAreShownOnlyOnce() {
        String admin = api.signUpAndSignIn("Keys Co", email(), PASSWORD).text("accessToken");
        Response created = api.json("POST", "/api/v1/api-keys", admin,
                Map.of("name", "crm-sync", "roles", new String[] {"SUPERVISOR"}));
        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).startsWith("ck.");

        Response me = api.get("/api/v1/me", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("apiKeyId")).isEqualTo(created.text("id"));
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"SUPERVISOR\"]");
        assertThat(api.get("/api/v1/api-keys", key).status()).as("a supervisor key may not manage keys").isEqualTo(403);

        Response listed = api.get("/api/v1/api-keys", admin);
        assertThat(listed.body()).contains(created.text("id")).doesNotContain(key);
        assertThat(api.get("/api/v1/api-keys/" + created.text("id"), admin).body()).doesNotContain(key);

        assertThat(api.delete("/api/v1/api-keys/" + created.text("id"), admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", key).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/api-keys/" + created.text("id"), admin).status()).isEqualTo(404);
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsLimitedAndForgedHeadersAreIgnored() throws Exception {
        try (TestPlatform proxied = TestPlatform.start(2, java.util.Set.of("127.0.0.1"));
             TestPlatform direct = TestPlatform.start(2)) {
            assertThat(forwardedSignIns(proxied, "203.0.113.7")).containsExactly(401, 401, 429);
            assertThat(forwardedSignIns(proxied, "203.0.113.8")).as("another client has its own budget")
                    .containsExactly(401, 401, 429);
            assertThat(forwardedSignIns(direct, "203.0.113.9")).containsExactly(401, 401, 429);
            assertThat(forwardedSignIns(direct, "203.0.113.10")).as("a forged header from an untrusted peer counts for nothing")
                    .containsExactly(429, 429, 429);
        }
    }

    private static java.util.List<Integer> forwardedSignIns(TestPlatform platform, String client) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(platform.client().base() + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", client)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"x@y.test\",\"password\":\"p\"}"))
                    .build();
            statuses.add(http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }

    @Test
    void publicEndpointsAreRateLimitedPerClient() {
        try (TestPlatform limited = TestPlatform.start(3)) {
            ApiClient c = limited.client();
            for (int i = 0; i < 3; i++) {
                assertThat(c.json("POST", "/api/v1/auth/token", null, Map.of("email", "x@y.test", "password", "p"))
                        .status()).isEqualTo(401);
            }
            Response limitedAnswer = c.json("POST", "/api/v1/auth/token", null, Map.of("email", "x@y.test", "password", "p"));
            assertThat(limitedAnswer.status()).isEqualTo(429);
            assertThat(limitedAnswer.header("Retry-After")).isNotNull();
        }
    }
}
