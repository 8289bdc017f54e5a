package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.acd.Channel;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AgentSettingsRepository contract, including tenant isolation. */
public abstract class AgentSettingsRepositoryContract {
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = AcdFixtures.newTenant(fx);
        b = AcdFixtures.newTenant(fx);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private AgentSettingsRepository agents() {
        return fx.agents();
    }

    private AgentSettings insert(TenantId tenant, AgentSettings agent) {
        fx.transactions().runInTenant(tenant, () -> agents().insert(tenant, agent));
        return agent;
    }

    private boolean update(TenantId tenant, AgentSettings agent) {
        return fx.transactions().inTenant(tenant, () -> agents().update(tenant, agent));
    }

    private boolean delete(TenantId tenant, String agentId) {
        return fx.transactions().inTenant(tenant, () -> agents().delete(tenant, agentId));
    }

    @Test
    void roundTripsEveryField() {
        AgentSettings ann = insert(a, AcdFixtures.agent("u-ann", "ann"));

        AgentSettings found = agents().find(a, "u-ann").orElseThrow();
        assertThat(found).isEqualTo(ann);
        assertThat(found.skills()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 3, "german", 10));
        assertThat(found.queueIds()).containsExactlyInAnyOrder("q-sales", "q-support");
        assertThat(found.maxConcurrent()).containsExactlyInAnyOrderEntriesOf(Map.of(Channel.VOICE, 1, Channel.CHAT, 3));
        assertThat(found.sipDigest()).isEqualTo(ann.sipDigest());
        assertThat(found.createdAt()).isEqualTo(ann.createdAt());
        assertThat(found.updatedAt()).isEqualTo(ann.updatedAt());
        assertThat(agents().findBySipUsername(a, "ann")).contains(ann);
        assertThat(agents().all(a)).containsExactly(ann);
    }

    @Test
    void roundTripsEmptyCollectionsAndNulls() {
        AgentSettings bare = insert(a, AcdFixtures.bareAgent("u-bare"));

        AgentSettings found = agents().find(a, "u-bare").orElseThrow();
        assertThat(found).isEqualTo(bare);
        assertThat(found.skills()).isEmpty();
        assertThat(found.queueIds()).isEmpty();
        assertThat(found.maxConcurrent()).isEmpty();
        assertThat(found.sipUsername()).isNull();
        assertThat(found.sipDigest()).isNull();
    }

    @Test
    void roundTripsUnicodeAndEveryChannel() {
        Map<Channel, Integer> capacity = Map.of(Channel.VOICE, 1, Channel.CHAT, 4, Channel.EMAIL, 10, Channel.CALLBACK, 2,
                Channel.TASK, 200);
        AgentSettings agent = new AgentSettings("u-zoe", Map.of("español", 4, "日本語", 9, "a\"b\\c", 1),
                Set.of("q-ü", "q/slash", "q,comma"), capacity, "zoë.ünal", null, Fixtures.NOW, Fixtures.NOW.plusMillis(1));
        insert(a, agent);

        assertThat(agents().find(a, "u-zoe")).contains(agent);
        assertThat(agents().findBySipUsername(a, "zoë.ünal")).contains(agent);
        assertThat(agents().findBySipUsername(a, "ZOË.ÜNAL")).isEmpty();
    }

    @Test
    void roundTripsManySkillsAndQueues() {
        Map<String, Integer> skills = new HashMap<>();
        Set<String> queueIds = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            skills.put("skill-" + i + "-" + "s".repeat(28), 1 + i % 10);
            queueIds.add("q" + "0123456789abcdef".substring(i % 16) + i);
        }
        AgentSettings many = insert(a, new AgentSettings("u-many", skills, queueIds, Map.of(Channel.TASK, 50), "many",
                null, Fixtures.NOW, Fixtures.NOW));

        assertThat(agents().find(a, "u-many")).contains(many);
    }

    @Test
    void findsNothingUnknown() {
        insert(a, AcdFixtures.agent("u-ann", "ann"));

        assertThat(agents().find(a, "u-nobody")).isEmpty();
        assertThat(agents().findBySipUsername(a, "nobody")).isEmpty();
        assertThat(agents().findBySipUsername(a, "an")).isEmpty();
        assertThat(agents().all(b)).isEmpty();
        assertThat(agents().list(b, PageRequest.first(10))).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void aSecondAgentForTheSameUserConflictsAndChangesNothing() {
        AgentSettings ann = insert(a, AcdFixtures.agent("u-ann", "ann"));
        AgentSettings again = AcdFixtures.agent("u-ann", "ann2");

        assertFails(() -> insert(a, again), ErrorKind.CONFLICT, "duplicate-agent");

        assertThat(agents().find(a, "u-ann")).contains(ann);
        assertThat(agents().findBySipUsername(a, "ann2")).isEmpty();
        assertThat(agents().all(a)).containsExactly(ann);
    }

    @Test
    void aSipUsernameIsUniqueWithinATenantOnly() {
        AgentSettings ann = insert(a, AcdFixtures.agent("u-ann", "shared"));
        AgentSettings other = AcdFixtures.agent("u-bob", "shared");

        assertFails(() -> insert(a, other), ErrorKind.CONFLICT, "duplicate-sip-username");
        assertThat(agents().find(a, "u-bob")).isEmpty();

        insert(b, other);
        assertThat(agents().findBySipUsername(a, "shared")).contains(ann);
        assertThat(agents().findBySipUsername(b, "shared")).contains(other);
    }

    @Test
    void agentsWithoutSipUsernameDoNotConflict() {
        insert(a, AcdFixtures.bareAgent("u-1"));
        insert(a, AcdFixtures.bareAgent("u-2"));

        assertThat(agents().all(a)).extracting(AgentSettings::agentId).containsExactly("u-1", "u-2");
        assertThat(agents().findBySipUsername(a, null)).isEmpty();
    }

    @Test
    void updateReplacesEveryField() {
        insert(a, AcdFixtures.agent("u-ann", "ann"));
        AgentSettings changed = new AgentSettings("u-ann", Map.of("french", 2), Set.of("q-new"), Map.of(Channel.EMAIL, 5),
                "ann.b", new AgentSettings.SipDigest("md5-2", "sha-2"), Fixtures.NOW, Fixtures.NOW.plusSeconds(60));

        assertThat(update(a, changed)).isTrue();

        assertThat(agents().find(a, "u-ann")).contains(changed);
        assertThat(agents().findBySipUsername(a, "ann")).isEmpty();
        assertThat(agents().findBySipUsername(a, "ann.b")).contains(changed);
        AgentSettings cleared = AcdFixtures.bareAgent("u-ann");
        assertThat(update(a, cleared)).isTrue();
        assertThat(agents().find(a, "u-ann")).contains(cleared);
        assertThat(agents().findBySipUsername(a, "ann.b")).isEmpty();
    }

    @Test
    void updateConflictsOnAnotherAgentsSipUsernameButKeepsItsOwn() {
        AgentSettings ann = insert(a, AcdFixtures.agent("u-ann", "ann"));
        AgentSettings bob = insert(a, AcdFixtures.agent("u-bob", "bob"));
        AgentSettings bobAsAnn = AcdFixtures.agent("u-bob", "ann");

        assertFails(() -> update(a, bobAsAnn), ErrorKind.CONFLICT, "duplicate-sip-username");
        assertThat(agents().find(a, "u-bob")).contains(bob);
        assertThat(agents().findBySipUsername(a, "ann")).contains(ann);

        AgentSettings sameSip = new AgentSettings("u-ann", Map.of(), Set.of(), Map.of(), "ann", null, Fixtures.NOW,
                Fixtures.NOW.plusSeconds(9));
        assertThat(update(a, sameSip)).isTrue();
        assertThat(agents().find(a, "u-ann")).contains(sameSip);
    }

    @Test
    void updateOrDeleteOfAnUnknownAgentIsFalse() {
        assertThat(update(a, AcdFixtures.agent("u-ghost", "ghost"))).isFalse();
        assertThat(delete(a, "u-ghost")).isFalse();
        assertThat(agents().find(a, "u-ghost")).isEmpty();
        assertThat(agents().findBySipUsername(a, "ghost")).isEmpty();
    }

    @Test
    void deletesAnAgentAndFreesItsSipUsername() {
        insert(a, AcdFixtures.agent("u-ann", "ann"));

        assertThat(delete(a, "u-ann")).isTrue();
        assertThat(delete(a, "u-ann")).isFalse();

        assertThat(agents().find(a, "u-ann")).isEmpty();
        assertThat(agents().findBySipUsername(a, "ann")).isEmpty();
        AgentSettings reused = insert(a, AcdFixtures.agent("u-bob", "ann"));
        assertThat(agents().findBySipUsername(a, "ann")).contains(reused);
    }

    @Test
    void listsPageByPageInIdOrder() {
        List<AgentSettings> inA = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            inA.addFirst(insert(a, AcdFixtures.agent("u-" + i, "sip" + i)));
        }
        insert(b, AcdFixtures.agent("u-3b", "other"));

        Page<AgentSettings> first = agents().list(a, PageRequest.first(3));
        Page<AgentSettings> second = agents().list(a, new PageRequest(3, first.next()));
        Page<AgentSettings> third = agents().list(a, new PageRequest(3, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(inA.subList(0, 3));
        assertThat(first.next()).isEqualTo("u-2");
        assertThat(second.items()).containsExactlyElementsOf(inA.subList(3, 6));
        assertThat(third.items()).containsExactlyElementsOf(inA.subList(6, 7));
        assertThat(third.next()).isNull();
        assertThat(agents().list(a, PageRequest.first(7)).next()).isNull();
        assertThat(agents().list(a, PageRequest.first(6)).next()).isEqualTo("u-5");
        assertThat(agents().list(a, new PageRequest(5, "u-6")).items()).isEmpty();
        assertThat(agents().all(a)).containsExactlyElementsOf(inA);
    }

    @Test
    void anotherTenantSeesNothingAndChangesNothing() {
        AgentSettings ann = insert(a, AcdFixtures.agent("u-ann", "ann"));
        AgentSettings takeover = AcdFixtures.bareAgent("u-ann");

        assertThat(agents().find(b, "u-ann")).isEmpty();
        assertThat(agents().findBySipUsername(b, "ann")).isEmpty();
        assertThat(agents().list(b, PageRequest.first(10)).items()).isEmpty();
        assertThat(agents().all(b)).isEmpty();
        assertThat(update(b, takeover)).isFalse();
        assertThat(delete(b, "u-ann")).isFalse();

        assertThat(agents().find(a, "u-ann")).contains(ann);
        assertThat(agents().all(a)).containsExactly(ann);
    }

    @Test
    void theSameAgentIdMayExistInTwoTenantsIndependently() {
        AgentSettings inA = insert(a, AcdFixtures.agent("u-same", "same"));
        AgentSettings inB = insert(b, AcdFixtures.bareAgent("u-same"));

        assertThat(delete(b, "u-same")).isTrue();

        assertThat(agents().find(a, "u-same")).contains(inA);
        assertThat(agents().find(b, "u-same")).isEmpty();
        assertThat(inB).isNotEqualTo(inA);
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        AgentSettings ann = insert(a, AcdFixtures.agent("u-ann", "ann"));

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            agents().insert(a, AcdFixtures.agent("u-bob", "bob"));
            agents().update(a, AcdFixtures.bareAgent("u-ann"));
            agents().delete(a, "u-ann");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(agents().find(a, "u-bob")).isEmpty();
        assertThat(agents().all(a)).containsExactly(ann);
    }
}
