package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callisto.dist.OpenApiOperations.Operation;
import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's public API end to end on the assembled application, driven from its own /openapi so
 * that every endpoint (including ones added later) is covered: completeness of the document, tenant
 * isolation, bad input, role checks. Subclasses pick the database.
 */
abstract class PlatformApiSuite {
    static final String PASSWORD = "Correct-Horse-42";
    static RunningCallisto app;
    static ApiClient api;
    static OpenApiOperations openApi;
    static Tenant a;
    static Tenant b;

    /**
     * A signed-up tenant with an admin token, an agent, a supervisor and an API key, and one object of each kind the
     * templated paths name: a queue, a contact, a waiting task, a trunk, a number and a call record with a recording.
     */
    record Tenant(String id, String adminToken, String adminId, String agentId, String agentToken,
                  String supervisorToken, String apiKeyId, String apiKey, Set<String> secrets, String queueId,
                  String contactId, String interactionId, String trunkId, String numberId, String callId) {
    }

    static void startWith(RunningCallisto.Database database) {
        app = RunningCallisto.start(database);
        api = app.client();
        openApi = new OpenApiOperations(OpenApiOperations.parse(api.get("/openapi?format=json", null).raw()));
        a = tenant("alpha");
        b = tenant("bravo");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static Tenant tenant(String name) {
        String email = name + "-admin-" + System.nanoTime() + "@example.test";
        Response admin = api.signUpAndSignIn(name + " Inc", email, PASSWORD);
        String token = admin.text("accessToken");
        String agentEmail = name + "-agent-" + System.nanoTime() + "@example.test";
        String supervisorEmail = name + "-sup-" + System.nanoTime() + "@example.test";
        String agentId = created(api.json("POST", "/api/v1/users", token,
                Map.of("email", agentEmail, "name", name + " agent", "password", PASSWORD, "roles", List.of("AGENT"))));
        created(api.json("POST", "/api/v1/users", token, Map.of("email", supervisorEmail, "name", name + " sup",
                "password", PASSWORD, "roles", List.of("SUPERVISOR"))));
        Response key = api.json("POST", "/api/v1/api-keys", token, Map.of("name", name + " key"));
        assertThat(key.status()).isEqualTo(201);
        // Routing fixtures: a queue the agent serves, a CRM contact, and a task waiting (the agent is offline).
        String queueId = created(api.json("POST", "/api/v1/queues", token, Map.of("name", name + " support",
                "strategy", "LONGEST_IDLE")));
        assertThat(api.json("POST", "/api/v1/agents", token, Map.of("userId", agentId, "queueIds", List.of(queueId),
                "skills", Map.of("english", 7))).status()).isEqualTo(201);
        String phone = "+1555" + (1_000_000 + (System.nanoTime() % 8_000_000));
        String contactId = created(api.json("POST", "/api/v1/contacts", token, Map.of("name", name + " customer",
                "phones", List.of(phone), "company", name + " Customer Co")));
        String interactionId = created(api.json("POST", "/api/v1/interactions", token, Map.of("channel", "CHAT",
                "queueId", queueId, "from", phone, "subject", name + " question")));
        // Telephony fixtures: a trunk with a password, a number into the queue, and a call the agent took, recorded.
        String trunkPassword = name + "-trunk-secret-" + System.nanoTime();
        String trunkId = created(api.json("POST", "/api/v1/trunks", token, Map.of("name", name + " carrier", "kind",
                "CARRIER", "host", "sip." + name + ".example", "username", name + "-trunk", "password", trunkPassword,
                "allowedIps", List.of("203.0.113.0/24"))));
        String did = TelephonyApiChecks.newNumber();
        String numberId = created(api.json("POST", "/api/v1/numbers", token, Map.of("e164", did, "trunkId", trunkId,
                "target", Map.of("type", "QUEUE", "queueId", queueId))));
        String callId = "call-" + name + "-" + System.nanoTime();
        new TelephonyApiChecks(api, app.callisto()).recordCall(admin.text("tenantId"), callId, agentId, queueId, did,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                TelephonyApiChecks.wav(name + " recording"));
        return new Tenant(admin.text("tenantId"), token, admin.text("userId"), agentId, signIn(agentEmail),
                signIn(supervisorEmail), key.text("id"), key.text("key"),
                Set.of(admin.text("tenantId"), admin.text("userId"), agentId, key.text("id"), email, agentEmail, queueId,
                        contactId, interactionId, phone, trunkId, trunkPassword, did, numberId, callId), queueId,
                contactId, interactionId, trunkId, numberId, callId);
    }

    private static String created(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private static String signIn(String email) {
        Response r = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("accessToken");
    }

    /** Where each templated path finds an object of tenant A. A new templated endpoint must be added here. */
    static String fixturePath(Operation op, Tenant t) {
        Map<String, String> ids = Map.ofEntries(
                Map.entry("/api/v1/users/{id}", t.agentId()),
                Map.entry("/api/v1/api-keys/{id}", t.apiKeyId()),
                Map.entry("/api/v1/queues/{id}", t.queueId()),
                Map.entry("/api/v1/queues/{id}/estimate", t.queueId()),
                Map.entry("/api/v1/agents/{id}", t.agentId()),
                Map.entry("/api/v1/agents/{id}/state", t.agentId()),
                Map.entry("/api/v1/agents/{id}/state-changes", t.agentId()),
                Map.entry("/api/v1/agents/{id}/wrap-up/finish", t.agentId()),
                Map.entry("/api/v1/contacts/{id}", t.contactId()),
                Map.entry("/api/v1/contacts/{id}/interactions", t.contactId()),
                Map.entry("/api/v1/interactions/{id}", t.interactionId()),
                Map.entry("/api/v1/interactions/{id}/accept", t.interactionId()),
                Map.entry("/api/v1/interactions/{id}/reject", t.interactionId()),
                Map.entry("/api/v1/interactions/{id}/complete", t.interactionId()),
                Map.entry("/api/v1/interactions/{id}/transfer", t.interactionId()),
                Map.entry("/api/v1/trunks/{id}", t.trunkId()),
                Map.entry("/api/v1/numbers/{id}", t.numberId()),
                Map.entry("/api/v1/calls/{id}", t.callId()),
                Map.entry("/api/v1/calls/{id}/recording", t.callId()),
                // an ended call: recording control answers 404 to everyone, which isolation and bad input still test
                Map.entry("/api/v1/calls/{id}/recording-state", t.callId()));
        String id = ids.get(op.path());
        if (id == null) {
            fail("no tenant fixture for " + op.path() + ": add one so that isolation and bad input are tested");
        }
        return op.path().replace("{id}", id);
    }

    static Response send(Operation op, String path, String token, JsonNode body) {
        if (body == null) {
            return api.send(op.method(), path, token, null, null);
        }
        return api.send(op.method(), path, token, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Everything tenant A's admin can read, to prove nothing changed. */
    static Map<String, String> snapshotOfA() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (Operation op : openApi.all()) {
            // live figures (time now, waits growing) differ from one read to the next by design
            if (op.method().equals("GET") && op.secured() && !op.path().equals("/api/v1/stats/realtime")) {
                String path = op.hasPathId() ? fixturePath(op, a) : op.path();
                Response r = api.get(path, a.adminToken());
                assertThat(r.status()).as("A reads %s", path).isEqualTo(200);
                snapshot.put(path, r.body());
            }
        }
        return snapshot;
    }

    @Test
    void openApiDocumentsExactlyTheRoutesThatExist() {
        Set<String> routes = app.callisto().platform().router().endpoints().stream()
                .map(e -> e.method().text() + " " + e.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = openApi.all().stream().filter(op -> !op.path().startsWith("/observe/"))
                .map(Operation::toString).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(routes);
        List<Operation> observe = openApi.all().stream().filter(op -> op.path().startsWith("/observe/")).toList();
        assertThat(observe).extracting(Operation::toString)
                .containsExactlyInAnyOrder("GET /observe/health", "GET /observe/metrics");
        observe.forEach(op -> assertThat(api.get(op.path(), null).status()).as("%s serves", op).isEqualTo(200));
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : api.get("/openapi?format=json", null).json().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                assertThat(operationIds.add(op.getValue().path("operationId").asText())).as("unique operationId").isTrue();
                assertThat(op.getValue().path("responses").properties()).as("%s documents a success", path.getKey())
                        .anyMatch(code -> code.getKey().startsWith("2") || code.getKey().equals("101"));
            }
        }
        openApi.all().stream().filter(Operation::hasBody).filter(op -> !op.foreignBody()).forEach(op ->
                assertThat(op.bodySchema().path("additionalProperties").asBoolean(true)).as("%s is closed", op).isFalse());
    }

    @Test
    void tenantBCannotReadChangeOrDeleteTenantAsObjects() {
        Map<String, String> before = snapshotOfA();
        List<String> checked = new ArrayList<>();
        for (String credential : List.of(b.adminToken(), b.apiKey())) {
            for (Operation op : openApi.all()) {
                if (!op.secured()) {
                    continue;
                }
                JsonNode body = op.hasBody() ? openApi.validSample(op.bodySchema()) : null;
                if (op.hasPathId()) {
                    Response r = send(op, fixturePath(op, a), credential, body);
                    assertThat(r.status()).as("%s on A's object with B's credential: %s", op, r.body()).isEqualTo(404);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                } else if (op.method().equals("GET")) {
                    Response r = api.get(op.path(), credential);
                    assertThat(r.status()).as("%s by B", op).isEqualTo(200);
                    assertThat(a.secrets()).as("%s by B shows nothing of A", op).allSatisfy(s -> assertThat(r.body())
                            .doesNotContain(s));
                }
                checked.add(op.toString());
            }
        }
        assertThat(checked).isNotEmpty();
        assertThat(snapshotOfA()).as("A's objects are unchanged").isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        Map<String, String> before = snapshotOfA();
        Set<String> signupEmails = new HashSet<>();
        String forged = forge(a.adminToken(), b.id());
        for (Operation op : openApi.all()) {
            String path = op.hasPathId() ? fixturePath(op, a) : op.path();
            if (op.secured()) {
                for (String bad : new String[] {null, "garbage", forged, a.apiKey() + "x", "ck.t0.k0." + "x".repeat(43)}) {
                    expectProblem(send(op, path, bad, op.hasBody() ? openApi.validSample(op.bodySchema()) : null), 401, op);
                }
                expectProblem(api.send(op.method(), path, null, null, null), 401, op);
            }
            if (op.hasPathId()) {
                String impossible = op.path().replace("{id}", "x".repeat(300));
                expectProblem(send(op, impossible, a.adminToken(),
                        op.hasBody() ? openApi.validSample(op.bodySchema()) : null), 404, op);
            }
            if (!op.hasBody()) {
                continue;
            }
            String token = op.secured() ? a.adminToken() : null;
            for (BadBody bad : badBodies(op)) {
                Response r = api.send(op.method(), path, token, bad.contentType(), bad.bytes());
                expectProblem(r, bad.status(), op);
                if (op.path().equals("/api/v1/signup")) {
                    signupEmails.add(bad.email());
                }
            }
        }
        assertThat(snapshotOfA()).as("A's objects are unchanged").isEqualTo(before);
        signupEmails.remove(null);
        assertThat(signupEmails).isNotEmpty().allSatisfy(email -> assertThat(api.json("POST", "/api/v1/auth/token", null,
                Map.of("email", email, "password", PASSWORD)).status()).as("no tenant made for %s", email).isEqualTo(401));
    }

    record BadBody(String name, String contentType, byte[] bytes, int status, String email) {
    }

    private static List<BadBody> badBodies(Operation op) {
        ObjectNode valid = openApi.validSample(op.bodySchema());
        String email = valid.has("adminEmail") ? valid.get("adminEmail").asText() : null;
        List<BadBody> bad = new ArrayList<>();
        bad.add(new BadBody("malformed", "application/json", "{\"a\": ".getBytes(StandardCharsets.UTF_8), 400, email));
        bad.add(new BadBody("array", "application/json", "[]".getBytes(StandardCharsets.UTF_8), 400, email));
        if (op.bodyRequired()) {
            // an optional body may be left out: an empty one is then no body at all
            bad.add(new BadBody("empty", "application/json", new byte[0], 400, email));
        }
        bad.add(new BadBody("text", "text/plain", valid.toString().getBytes(StandardCharsets.UTF_8), 415, email));
        ObjectNode huge = valid.deepCopy();
        huge.put("padding", "x".repeat(op.maxBodyBytes() > 0 ? op.maxBodyBytes() + 1_000 : 80_000));
        bad.add(new BadBody("oversized", "application/json", huge.toString().getBytes(StandardCharsets.UTF_8), 413, email));
        ObjectNode unknown = valid.deepCopy();
        unknown.put("isAdmin", true);
        bad.add(new BadBody("unknown field", "application/json", unknown.toString().getBytes(StandardCharsets.UTF_8), 400,
                email));
        for (Map.Entry<String, JsonNode> property : op.bodySchema().path("properties").properties()) {
            JsonNode schema = openApi.resolve(property.getValue());
            ObjectNode body = valid.deepCopy();
            if ("array".equals(schema.path("type").asText())) {
                body.set(property.getKey(), body.arrayNode().addNull());
            } else if ("string".equals(schema.path("type").asText("string")) && !schema.has("enum")) {
                body.put(property.getKey(), "nul\u0000inside");
            } else {
                continue;
            }
            bad.add(new BadBody(property.getKey() + " with null/NUL", "application/json",
                    body.toString().getBytes(StandardCharsets.UTF_8), 400, email));
        }
        for (Map.Entry<String, JsonNode> wrong : openApi.wrongTypes(op.bodySchema())) {
            ObjectNode body = valid.deepCopy();
            body.set(wrong.getKey(), wrong.getValue());
            bad.add(new BadBody(wrong.getKey(), "application/json", body.toString().getBytes(StandardCharsets.UTF_8), 400,
                    email));
        }
        return bad;
    }

    private static void expectProblem(Response r, int status, Operation op) {
        assertThat(r.status()).as("%s: %s", op, r.body()).isEqualTo(status);
        assertThat(r.contentType()).as("%s", op).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.text("type")).startsWith("https://callisto.dev/problems/");
    }

    /** A's token with its tenant claim changed to B's and the signature kept: must never verify. */
    private static String forge(String token, String otherTenant) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"tid\":\"[^\"]+\"", "\"tid\":\"" + otherTenant + "\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @Test
    void rolesAreCheckedOnEveryAdminAction() {
        assertThat(api.get("/api/v1/users", a.agentToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/api-keys", a.supervisorToken()).status()).isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/api-keys", a.agentToken(), Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/users", a.supervisorToken(), Map.of("email", "new@example.test",
                "password", PASSWORD, "roles", List.of("ADMIN"))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", a.supervisorToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + a.agentId(), a.agentToken()).status()).isEqualTo(200);
        Response colleagues = api.get("/api/v1/agent-directory", a.agentToken());
        assertThat(colleagues.status()).as("an agent reads colleagues' names").isEqualTo(200);
        assertThat(colleagues.json().path("items").findValuesAsText("id")).contains(a.agentId());
        assertThat(colleagues.body()).as("names only, no e-mail addresses").doesNotContain("@");
        assertThat(api.get("/api/v1/users/" + a.adminId(), a.agentToken()).status()).isEqualTo(403);
        assertThat(api.json("PATCH", "/api/v1/users/" + a.agentId(), a.agentToken(), Map.of("name", "Renamed")).status())
                .isEqualTo(200);
        assertThat(api.json("PATCH", "/api/v1/users/" + a.agentId(), a.agentToken(), Map.of("roles", List.of("ADMIN")))
                .status()).as("no self-promotion").isEqualTo(403);
        assertThat(api.delete("/api/v1/users/" + a.adminId(), a.agentToken()).status()).isEqualTo(403);
        Response lastAdmin = api.delete("/api/v1/users/" + a.adminId(), a.adminToken());
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.text("code")).isEqualTo("last-admin");
    }

    @Test
    void concurrentRefreshesWithOneTokenLeaveNoLiveSession() throws Exception {
        for (int trial = 0; trial < 8; trial++) {
            String refresh = api.json("POST", "/api/v1/auth/token", null, Map.of("email", emailOf(a), "password", PASSWORD))
                    .text("refreshToken");
            List<Response> answers;
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var first = pool.submit(() -> api.json("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refresh)));
                var second = pool.submit(() -> api.json("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refresh)));
                answers = List.of(first.get(), second.get());
            }
            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 401);
            String winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().text("refreshToken");
            assertThat(api.json("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", winner)).status())
                    .as("trial %d: the reuse revoked the winner's token too", trial).isEqualTo(401);
        }
    }

    @Test
    void twoAdminsDemotingEachOtherLeaveOneAdmin() throws Exception {
        for (int trial = 0; trial < 4; trial++) {
            String email = "duo-" + trial + "-" + System.nanoTime() + "@example.test";
            String first = api.signUpAndSignIn("Duo " + trial, email, PASSWORD).text("accessToken");
            String secondEmail = "second-" + email;
            String secondId = created(api.json("POST", "/api/v1/users", first, Map.of("email", secondEmail,
                    "password", PASSWORD, "roles", List.of("ADMIN"))));
            String second = signIn(secondEmail);
            String firstId = api.get("/api/v1/me", first).text("userId");
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var a1 = pool.submit(() -> api.json("PATCH", "/api/v1/users/" + secondId, first,
                        Map.of("roles", List.of("AGENT"))));
                var a2 = pool.submit(() -> api.json("PATCH", "/api/v1/users/" + firstId, second,
                        Map.of("roles", List.of("AGENT"))));
                assertThat(List.of(a1.get().status(), a2.get().status())).contains(200);
            }
            long admins = 0;
            for (String id : List.of(firstId, secondId)) {
                String roles = api.get("/api/v1/users/" + id, api.json("POST", "/api/v1/auth/token", null,
                        Map.of("email", id.equals(firstId) ? email : secondEmail, "password", PASSWORD))
                        .text("accessToken")).json().path("roles").toString();
                admins += roles.contains("ADMIN") ? 1 : 0;
            }
            assertThat(admins).as("trial %d keeps an admin", trial).isEqualTo(1);
        }
    }

    private static String emailOf(Tenant t) {
        return api.get("/api/v1/me", t.adminToken()).text("email");
    }

    @Test
    void trunksNumbersAndCallRecordsWorkForTheGatewayAndThroughTheApi() {
        AcdFlowChecks.Team team = new AcdFlowChecks(api, PASSWORD).team("Phone Co", 2);
        String tenantId = api.get("/api/v1/me", team.admin()).text("tenantId");
        TelephonyApiChecks checks = new TelephonyApiChecks(api, app.callisto());
        String trunkId = checks.trunks(team, tenantId);
        String numberOfA = api.get("/api/v1/numbers/" + a.numberId(), a.adminToken()).text("e164");
        checks.numbers(team, tenantId, trunkId, numberOfA, a.id());
        checks.callRecords(team, tenantId);
        Response trunksOfA = api.get("/api/v1/trunks", a.adminToken());
        assertThat(trunksOfA.json().path("items").get(0).path("hasPassword").asBoolean()).isTrue();
        assertThat(trunksOfA.body()).doesNotContain("-trunk-secret-");
    }

    @Test
    void seatsAreLeasedThroughTheGrid() {
        String email = "seats-" + System.nanoTime() + "@example.test";
        String token = api.signUpAndSignIn("Seats Co", email, PASSWORD).text("accessToken");
        Response initial = api.get("/api/v1/seats", token);
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().get("leased").asInt()).as("the seats asked for at sign-up").isEqualTo(3);
        assertThat(initial.json().get("inUse").asInt()).isZero();

        Response raised = api.json("PUT", "/api/v1/seats", token, Map.of("leased", 12));
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.json().get("leased").asInt()).isEqualTo(12);
        assertThat(api.get("/api/v1/tenant", token).json().get("seatsLeased").asInt()).isEqualTo(12);
        assertThat(api.json("PUT", "/api/v1/seats", token, Map.of("leased", -1)).status()).isEqualTo(400);
        assertThat(api.json("PUT", "/api/v1/seats", a.agentToken(), Map.of("leased", 1)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/seats", token).json().get("leased").asInt()).isEqualTo(12);
    }

    @Test
    void anOfferReachesTheAgentsSocketAndTheOutcomeIsStored() throws Exception {
        AcdFlowChecks flow = new AcdFlowChecks(api, PASSWORD);
        AcdFlowChecks.Team team = flow.team("Flow Co", 2);
        AcdFlowChecks.Team other = flow.team("Other Co", 2);
        flow.offerAcceptCompleteAndStore(team, other);

        Response audit = api.get("/api/v1/agents/" + team.bobId() + "/state-changes", team.supervisor());
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().path("items").findValuesAsText("to")).contains("AVAILABLE", "RESERVED", "BUSY");
        Response stats = api.get("/api/v1/stats/realtime", team.supervisor());
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().path("queues").get(0).path("answered").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/stats/realtime", team.ann()).status()).isEqualTo(403);
    }

    @Test
    void loginBeyondTheLeasedSeatsIsRefusedAtomically() {
        AcdFlowChecks flow = new AcdFlowChecks(api, PASSWORD);
        AcdFlowChecks.Team team = flow.team("Seat Co", 1);
        assertThat(flow.setState(team.ann(), team.annId(), "AVAILABLE", null).status()).isEqualTo(200);
        Response refused = flow.setState(team.bob(), team.bobId(), "AVAILABLE", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("seat-limit-reached");
        assertThat(flow.setState(team.supervisor(), team.annId(), "AWAY", "lunch").status()).as("a supervisor may")
                .isEqualTo(200);
        assertThat(flow.setState(team.bob(), team.annId(), "OFFLINE", null).status()).as("another agent may not")
                .isEqualTo(403);
        assertThat(flow.setState(team.ann(), team.annId(), "AWAY", "no-such-reason").status()).isEqualTo(400);
        assertThat(flow.setState(team.ann(), team.annId(), "BUSY", null).status()).isEqualTo(400);
        assertThat(flow.setState(team.ann(), team.annId(), "OFFLINE", null).status()).isEqualTo(200);
        assertThat(flow.setState(team.bob(), team.bobId(), "AVAILABLE", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/seats", team.admin()).json().path("inUse").asInt()).isEqualTo(1);
    }

    @Test
    void theEventsSocketRefusesBadTokensAndBadMessages() {
        Response plain = api.get("/api/v1/events", null);
        assertThat(plain.status()).isEqualTo(426);
        try (EventsClient anonymous = EventsClient.connectAnonymously(api.base())) {
            anonymous.sendText("not json");
            anonymous.await("invalid-json", m -> "invalid-json".equals(m.path("data").path("code").asText()));
            anonymous.sendText("{\"type\":\"subscribe\"}");
            anonymous.await("unauthenticated", m -> "unauthenticated".equals(m.path("data").path("code").asText()));
            anonymous.sendText("{\"type\":\"auth\",\"token\":\"" + a.agentToken() + "\"}");
            anonymous.awaitType("hello");
            anonymous.sendText("{\"type\":\"ping\"}");
            anonymous.awaitType("pong");
        }
        try (EventsClient wrong = EventsClient.connectAnonymously(api.base())) {
            wrong.sendText("{\"type\":\"auth\",\"token\":\"garbage\"}");
            assertThat(wrong.awaitClose()).isEqualTo(1008);
        }
        try (EventsClient big = EventsClient.connect(api.base(), a.agentToken())) {
            big.awaitType("hello");
            big.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(10_000) + "\"}");
            assertThat(big.awaitClose()).isEqualTo(1009);
        }
        assertThat(EventsClient.refusedUpgradeStatus(api.base(), "garbage")).as("an invalid token in the URL")
                .isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountThroughTheGrid() {
        String email = "locked-" + System.nanoTime() + "@example.test";
        api.signUpAndSignIn("Locked Co", email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", "Wrong-" + i))
                    .status()).isEqualTo(401);
        }
        Response locked = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(locked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theWebAppIsServedWithClientSideRoutes() {
        Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\"></div>");
        Response deep = api.get("/admin/users", null);
        assertThat(deep.status()).isEqualTo(200);
        assertThat(deep.body()).isEqualTo(root.body());
        String script = root.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        Response js = api.get(script, null);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).contains("javascript");
        assertThat(api.get("/assets/missing.js", null).status()).isEqualTo(404);
    }
}
