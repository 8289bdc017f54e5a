package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import io.callisto.platform.testing.ApiClient;
import java.util.List;
import java.util.Map;

/**
 * A tenant for the browser agent's end-to-end tests, made through the public API: an admin, an agent (Ann) serving a
 * queue with two minutes' wrap-up, a carrier trunk at {@code carrierAddress}, a number into the queue, and a CRM
 * contact for the carrier's caller (+15550000001), so that the desktop has a screen pop to show.
 */
record BrowserAgentTenant(String token, TenantId tenant, String agentId, String agentEmail, String did, String trunkId) {

    static BrowserAgentTenant create(ApiClient api, String carrierAddress, String password) {
        String email = "admin-" + System.nanoTime() + "@example.test";
        ApiClient.Response admin = api.signUpAndSignIn("Browser Co", email, password);
        String token = admin.text("accessToken");
        TenantId tenant = new TenantId(admin.text("tenantId"));
        String agentEmail = "ann-" + System.nanoTime() + "@example.test";
        String agentId = api.json("POST", "/api/v1/users", token, Map.of("email", agentEmail, "name", "Ann Agent",
                "password", password, "roles", List.of("AGENT"))).text("id");
        String queueId = api.json("POST", "/api/v1/queues", token, Map.of("name", "Support", "strategy", "LONGEST_IDLE",
                "wrapUpSeconds", 120)).text("id");
        assertThat(api.json("POST", "/api/v1/agents", token, Map.of("userId", agentId, "queueIds", List.of(queueId)))
                .status()).isEqualTo(201);
        String trunkId = api.json("POST", "/api/v1/trunks", token, Map.of("name", "Carrier", "kind", "CARRIER", "host",
                carrierAddress, "allowedIps", List.of(carrierAddress + "/32"))).text("id");
        String did = TelephonyApiChecks.newNumber();
        assertThat(api.json("POST", "/api/v1/numbers", token, Map.of("e164", did, "trunkId", trunkId, "target",
                Map.of("type", "QUEUE", "queueId", queueId))).status()).isEqualTo(201);
        api.json("POST", "/api/v1/contacts", token, Map.of("name", "Carol Caller", "phones", List.of("+15550000001"),
                "company", "Caller Co"));
        return new BrowserAgentTenant(token, tenant, agentId, agentEmail, did, trunkId);
    }
}
