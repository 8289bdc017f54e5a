package io.callisto.core.contract;

import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.crm.Contact;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data builders for the ACD, agent, history and CRM contracts. Times are at millisecond precision. */
public final class AcdFixtures {
    /** Text every store must keep exactly: accents, CJK, an emoji (a surrogate pair), quotes and a backslash. */
    public static final String UNICODE = "Zoë Ünal 日本語 😀 \"quoted\" \\ 'single'";

    private AcdFixtures() {
    }

    /** A fresh tenant, stored; the contracts give every test its own tenants, so ids may repeat across tests. */
    public static TenantId newTenant(RepositoryFixture fx) {
        Tenant t = Fixtures.tenant();
        fx.transactions().runInTenant(t.id(), () -> fx.tenants().insert(t));
        return t.id();
    }

    /** An agent with every field set. */
    public static AgentSettings agent(String agentId, String sipUsername) {
        return new AgentSettings(agentId, Map.of("billing", 3, "german", 10), Set.of("q-sales", "q-support"),
                Map.of(Channel.VOICE, 1, Channel.CHAT, 3), sipUsername,
                new AgentSettings.SipDigest("0123456789abcdef0123456789abcdef", "ab".repeat(32)),
                Fixtures.NOW, Fixtures.NOW.plusSeconds(5));
    }

    /** An agent with every optional field empty or null. */
    public static AgentSettings bareAgent(String agentId) {
        return new AgentSettings(agentId, Map.of(), Set.of(), Map.of(), null, null, Fixtures.NOW, Fixtures.NOW);
    }

    /** A queue with every field set to a distinct value. */
    public static QueueConfig queue(String id, String name) {
        return new QueueConfig(id, name, RoutingStrategy.SKILLS, new Skills(Map.of("billing", 3, "german", 5)), 7, 300,
                "q-overflow", 30, 20, 15, 60, 2, true);
    }

    public static AgentStateChange change(long batch, int index, String agentId, Instant at) {
        return new AgentStateChange(batch, index, agentId, AgentState.AVAILABLE, AgentState.AWAY, "lunch", at);
    }

    /** A completed interaction with every field set, ended at {@code endedAt}. */
    public static InteractionRecord completed(String id, String agentId, String queueId, String contactId, Instant endedAt) {
        return new InteractionRecord(id, Channel.VOICE, queueId, agentId, InteractionState.COMPLETED, "+4930123456",
                "Billing question", 4, endedAt.minusSeconds(120), endedAt.minusSeconds(100), endedAt, "resolved",
                "Customer asked about invoice 17", contactId, 1);
    }

    /** An abandoned interaction: no agent, never connected, no disposition, notes or contact. */
    public static InteractionRecord abandoned(String id, String queueId, Instant endedAt) {
        return new InteractionRecord(id, Channel.CHAT, queueId, null, InteractionState.ABANDONED, null, null, 0,
                endedAt.minusSeconds(30), null, endedAt, null, null, null, 0);
    }

    public static Contact contact(String id, String name, String company, List<String> phones, List<String> emails) {
        return new Contact(id, name, phones, emails, company, Map.of("account", "A-17", "tier", "gold"), Fixtures.NOW,
                Fixtures.NOW.plusSeconds(1));
    }
}
