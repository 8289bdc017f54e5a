package io.callisto.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for HTTP tests: raw control over method, headers and body bytes. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] raw, JsonNode json) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }

        public String contentType() {
            String ct = header("content-type");
            return ct == null ? "" : ct;
        }

        public String text(String field) {
            JsonNode node = json == null ? null : json.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        public String body() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            String ct = r.headers().firstValue("content-type").orElse("");
            if (ct.contains("json") && r.body().length > 0) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), r.headers().map(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response json(String method, String path, String token, Object body) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
            return send(method, path, token, "application/json", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /** Signs a company up and signs its admin in; returns the admin's access token answer. */
    public Response signUpAndSignIn(String company, String email, String password) {
        Response signup = json("POST", "/api/v1/signup", null,
                Map.of("companyName", company, "adminEmail", email, "adminPassword", password, "seats", 3));
        if (signup.status() != 201) {
            throw new AssertionError("sign-up failed: " + signup.status() + " " + signup.body());
        }
        Response token = json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", password));
        if (token.status() != 200) {
            throw new AssertionError("sign-in failed: " + token.status() + " " + token.body());
        }
        return token;
    }
}
