package io.callisto.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Provisions the tenants through the public API, as a customer would: sign-up, the admin's token, one queue,
 * the agent users (each password is hashed with Argon2: the slow part) and their agent profiles, and each agent's
 * token. Tenants are spread over the nodes' base URLs, and each agent over them too, so that with several nodes
 * the POST and the agent's socket are often on different nodes.
 */
final class HttpSetup {
    static final String PASSWORD = "Load-Test-Passw0rd-1";
    private final HttpApi api;
    private final List<String> bases;
    private final String run;
    private final int agents;
    private final int chatCapacity;

    /** One agent: user id (also the agent id), token, and the node its socket and calls go to. */
    record Agent(String userId, String token, String base) {
    }

    /** One tenant: the node its admin posts to, the admin's token, its queue and agents. */
    record Tenant(int index, String base, String adminToken, String queueId, List<Agent> agents) {
    }

    HttpSetup(HttpApi api, List<String> bases, String run, int agents, int chatCapacity) {
        this.api = api;
        this.bases = bases;
        this.run = run;
        this.agents = agents;
        this.chatCapacity = chatCapacity;
    }

    /** Sets up {@code count} tenants, {@code concurrency} at a time. */
    List<Tenant> run(int count, int concurrency) throws InterruptedException {
        List<Future<Tenant>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().factory())) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> tenant(index)));
            }
            List<Tenant> tenants = new ArrayList<>();
            for (Future<Tenant> f : futures) {
                tenants.add(f.get());
            }
            return tenants;
        } catch (ExecutionException e) {
            throw new IllegalStateException("setting up the tenants failed: " + e.getCause(), e.getCause());
        }
    }

    private Tenant tenant(int index) {
        String base = bases.get(index % bases.size());
        String admin = "admin-" + run + "-" + index + "@bench.example";
        api.call("POST", base + "/api/v1/signup", null, Map.of("companyName", "Bench " + run + " " + index,
                "adminEmail", admin, "adminPassword", PASSWORD, "seats", agents), 201);
        String adminToken = token(base, admin);
        String queueId = api.call("POST", base + "/api/v1/queues", adminToken, Map.of("name", "Bench",
                "strategy", "LONGEST_IDLE", "offerTimeoutSeconds", 60, "wrapUpSeconds", 0), 201).path("id").asText();
        List<Agent> list = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String email = "agent" + a + "-" + run + "-" + index + "@bench.example";
            String userId = api.call("POST", base + "/api/v1/users", adminToken, Map.of("email", email,
                    "name", "Agent " + a, "password", PASSWORD, "roles", List.of("AGENT")), 201).path("id").asText();
            api.call("POST", base + "/api/v1/agents", adminToken, Map.of("userId", userId, "queueIds", List.of(queueId),
                    "maxConcurrent", Map.of("CHAT", chatCapacity)), 201);
            String agentBase = bases.get((index + a) % bases.size());
            list.add(new Agent(userId, token(agentBase, email), agentBase));
        }
        return new Tenant(index, base, adminToken, queueId, List.copyOf(list));
    }

    private String token(String base, String email) {
        return api.call("POST", base + "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD), 200)
                .path("accessToken").asText();
    }

    /** The agent logs in for routing: {@code PUT /api/v1/agents/{id}/state AVAILABLE} with their own token. */
    void available(Agent agent) {
        api.call("PUT", agent.base() + "/api/v1/agents/" + agent.userId() + "/state", agent.token(),
                Map.of("state", "AVAILABLE"), 200);
    }
}
