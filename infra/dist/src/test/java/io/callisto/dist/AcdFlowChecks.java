package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import java.util.List;
import java.util.Map;

/**
 * The ACD through the public API on the assembled application: queues, agents, presence and seats, a task
 * offered on the agent's events WebSocket with its CRM contact, accepted, completed, stored for reports, the
 * audit of the agent's states, supervisors' statistics, and no event of one tenant on another's socket.
 */
final class AcdFlowChecks {
    private final ApiClient api;
    private final String password;

    AcdFlowChecks(ApiClient api, String password) {
        this.api = api;
        this.password = password;
    }

    /** A new tenant with an admin, two agents and a supervisor, and a queue both agents serve. */
    record Team(String admin, String supervisor, String ann, String annId, String bob, String bobId, String queueId) {
    }

    Team team(String name, int seats) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(" ", "-") + "-" + System.nanoTime() + "@example.test";
        String admin = api.signUpAndSignIn(name, email, password).text("accessToken");
        assertThat(api.json("PUT", "/api/v1/seats", admin, Map.of("leased", seats)).status()).isEqualTo(200);
        String annId = user(admin, "ann-" + email, "AGENT");
        String bobId = user(admin, "bob-" + email, "AGENT");
        user(admin, "sup-" + email, "SUPERVISOR");
        Response queue = api.json("POST", "/api/v1/queues", admin, Map.of("name", "Sales", "strategy", "SKILLS",
                "requiredSkills", Map.of("spanish", 3), "wrapUpSeconds", 0, "serviceLevelSeconds", 30));
        assertThat(queue.status()).as(queue.body()).isEqualTo(201);
        String queueId = queue.text("id");
        for (String[] agent : new String[][] {{annId, "5"}, {bobId, "9"}}) {
            Response r = api.json("POST", "/api/v1/agents", admin, Map.of("userId", agent[0], "queueIds", List.of(queueId),
                    "skills", Map.of("spanish", Integer.parseInt(agent[1])), "maxConcurrent", Map.of("CHAT", 2)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return new Team(admin, token("sup-" + email), token("ann-" + email), annId, token("bob-" + email), bobId, queueId);
    }

    private String user(String admin, String email, String role) {
        Response r = api.json("POST", "/api/v1/users", admin, Map.of("email", email, "password", password, "roles",
                List.of(role)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private String token(String email) {
        return api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", password)).text("accessToken");
    }

    Response setState(String token, String agentId, String state, String reason) {
        return api.json("PUT", "/api/v1/agents/" + agentId + "/state", token,
                reason == null ? Map.of("state", state) : Map.of("state", state, "reason", reason));
    }

    /** A task offered to the best agent's WebSocket with the CRM contact; accepted, completed and stored. */
    void offerAcceptCompleteAndStore(Team t, Team other) throws InterruptedException {
        Response contact = api.json("POST", "/api/v1/contacts", t.admin(), Map.of("name", "Maria Lopez",
                "phones", List.of("+34 600 123 456"), "company", "Lopez SL"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        try (EventsClient bob = EventsClient.connect(api.base(), t.bob());
             EventsClient ann = EventsClient.connect(api.base(), t.ann());
             EventsClient supervisor = EventsClient.connect(api.base(), t.supervisor());
             EventsClient stranger = EventsClient.connect(api.base(), other.supervisor())) {
            assertThat(bob.awaitType("hello").path("data").path("userId").asText()).isEqualTo(t.bobId());
            supervisor.awaitType("stats.realtime");
            assertThat(setState(t.ann(), t.annId(), "AVAILABLE", null).status()).isEqualTo(200);
            assertThat(setState(t.bob(), t.bobId(), "AVAILABLE", null).status()).isEqualTo(200);

            Response task = api.json("POST", "/api/v1/interactions", t.admin(), Map.of("channel", "CHAT",
                    "queueId", t.queueId(), "from", "+34600123456", "subject", "Pedido 42", "priority", 5));
            assertThat(task.status()).as(task.body()).isEqualTo(201);
            String id = task.text("id");
            JsonNode offer = bob.await("the offer", m -> "interaction.offered".equals(m.path("type").asText())
                    && id.equals(m.path("data").path("interactionId").asText()));
            assertThat(offer.path("tenantId").asText()).isNotBlank();
            assertThat(offer.path("data").path("contact").path("name").asText()).isEqualTo("Maria Lopez");
            assertThat(offer.path("data").path("interaction").path("subject").asText()).isEqualTo("Pedido 42");

            Response accepted = api.send("POST", "/api/v1/interactions/" + id + "/accept", t.bob(), null, null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.text("state")).isEqualTo("CONNECTED");
            assertThat(api.send("POST", "/api/v1/interactions/" + id + "/accept", t.ann(), null, null).status())
                    .as("ann was never offered it: for her it does not exist").isEqualTo(404);
            Response done = api.json("POST", "/api/v1/interactions/" + id + "/complete", t.bob(),
                    Map.of("disposition", "sold", "notes", "wants delivery on Friday"));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.text("state")).isEqualTo("COMPLETED");
            supervisor.await("the end", m -> "interaction.ended".equals(m.path("type").asText()));

            JsonNode stored = awaitStored(t.admin(), id);
            assertThat(stored.path("disposition").asText()).isEqualTo("sold");
            assertThat(stored.path("agentId").asText()).isEqualTo(t.bobId());
            Response history = api.get("/api/v1/contacts/" + contact.text("id") + "/interactions", t.admin());
            assertThat(history.json().path("items").toString()).contains(id);
            assertThat(ann.messages()).as("ann sees nothing of bob's work")
                    .noneMatch(m -> m.toString().contains(id));
            assertThat(stranger.messages()).as("another tenant sees nothing")
                    .noneMatch(m -> m.toString().contains(id) || m.toString().contains(t.bobId()));
        }
    }

    private JsonNode awaitStored(String admin, String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Response r = api.get("/api/v1/interactions?limit=200", admin);
            for (JsonNode item : r.json().path("items")) {
                if (id.equals(item.path("id").asText()) && item.has("endedAt")) {
                    return item;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the completed interaction never reached the history");
    }
}
