package io.callisto.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import io.callisto.platform.testing.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request gets an RFC 9457 problem with the right status. */
class ErrorsOverHttpTest {
    private static TestPlatform platform;
    private static ApiClient api;
    private static String token;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        api = platform.client();
        token = api.signUpAndSignIn("Errors Co", "errors@acme.test", "Correct-Horse-42").text("accessToken");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Stream<Arguments> badBodies() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", "{\"name\": ", 400, "invalid-json"),
                Arguments.of("not an object", "application/json", "[1,2]", 400, "invalid-json"),
                Arguments.of("trailing garbage", "application/json", "{\"name\":\"k\"} {}", 400, "invalid-json"),
                Arguments.of("empty body", "application/json", "", 400, "body-required"),
                Arguments.of("null body", "application/json", "null", 400, "body-required"),
                Arguments.of("unknown field", "application/json", "{\"name\":\"k\",\"admin\":true}", 400, "validation-failed"),
                Arguments.of("number for a string", "application/json", "{\"name\":42}", 400, "validation-failed"),
                Arguments.of("string for an array", "application/json", "{\"name\":\"k\",\"roles\":\"ADMIN\"}", 400,
                        "validation-failed"),
                Arguments.of("unknown enum value", "application/json", "{\"name\":\"k\",\"roles\":[\"ROOT\"]}", 400,
                        "validation-failed"),
                Arguments.of("duplicate key", "application/json", "{\"name\":\"a\",\"name\":\"b\"}", 400, "invalid-json"),
                Arguments.of("deep nesting", "application/json", "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        400, "invalid-json"),
                Arguments.of("null in a list", "application/json", "{\"name\":\"k\",\"roles\":[null]}", 400,
                        "validation-failed"),
                Arguments.of("NUL character", "application/json", "{\"name\":\"k\\u0000x\"}", 400, "invalid-text"),
                Arguments.of("oversized", "application/json", big, 413, "payload-too-large"),
                Arguments.of("form instead of JSON", "application/x-www-form-urlencoded", "name=k", 415,
                        "unsupported-media-type"),
                Arguments.of("no content type", null, "{\"name\":\"k\"}", 415, "unsupported-media-type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesAreRefusedWithAProblemAndChangeNothing(String name, String contentType, String body, int status,
                                                         String code) {
        int keysBefore = api.get("/api/v1/api-keys", token).json().get("items").size();

        Response r = api.send("POST", "/api/v1/api-keys", token, contentType, body.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("code")).isEqualTo(code);
        assertThat(r.text("type")).isEqualTo("https://callisto.dev/problems/" + code);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("xxxxxxxxxx").doesNotContain("Exception");
        assertThat(api.get("/api/v1/api-keys", token).json().get("items").size()).isEqualTo(keysBefore);
    }

    @Test
    void requestsHelidonRefusesBeforeRoutingAreProblemsToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", platform.server().port())) {
            socket.getOutputStream().write("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(600), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("malformed-request");
        }
    }

    @Test
    void anImpossibleIdIsNotFound() {
        Response r = api.get("/api/v1/api-keys/" + "k".repeat(300), token);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void fieldErrorsNameTheField() {
        Response r = api.json("POST", "/api/v1/api-keys", token, "{\"name\":\"k\",\"roles\":[\"ADMIN\", 7]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("roles[1]");
    }

    @Test
    void badCredentialsAreProblems() {
        for (String bad : new String[] {null, "", "garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "ck.t1.k1.short"}) {
            Response r = api.send("GET", "/api/v1/me", null, null, null);
            if (bad != null) {
                r = api.send("GET", "/api/v1/me", bad, null, null);
            }
            assertThat(r.status()).as("token %s", bad).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void unknownRoutesAndWrongMethodsAreProblems() {
        Response unknown = api.get("/api/v1/nope", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("unknown-route");

        Response wrongMethod = api.json("PUT", "/api/v1/me", token, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        Response outsideApi = api.send("POST", "/somewhere", null, null, null);
        assertThat(outsideApi.status()).isEqualTo(404);
        assertThat(outsideApi.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pagingParametersAreValidated() {
        assertThat(api.get("/api/v1/api-keys?limit=0", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/api-keys?limit=abc", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/api-keys?limit=201", token).status()).isEqualTo(400);
        Response page = api.get("/api/v1/api-keys?limit=1", token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().has("next")).isTrue();
    }

    @Test
    void observeEndpointsServe() {
        Response health = api.get("/observe/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP").contains("store");
        Response metrics = api.send("GET", "/observe/metrics", null, null, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
    }
}
