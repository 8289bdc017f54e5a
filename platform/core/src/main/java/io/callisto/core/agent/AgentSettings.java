package io.callisto.core.agent;

import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.Skills;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as an admin configures them; the agent's id is their user's id. The SIP password is kept only as
 * its digest hashes (realm: the tenant's id), which is all a registrar needs and all a leak would give away.
 */
public record AgentSettings(String agentId, Map<String, Integer> skills, Set<String> queueIds,
                            Map<Channel, Integer> maxConcurrent, String sipUsername, SipDigest sipDigest,
                            Instant createdAt, Instant updatedAt) {
    public AgentSettings {
        Objects.requireNonNull(agentId);
        skills = Map.copyOf(skills);
        queueIds = Set.copyOf(queueIds);
        maxConcurrent = Map.copyOf(maxConcurrent);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }

    /** What the ACD routes by. */
    public AgentProfile profile() {
        return new AgentProfile(agentId, new Skills(skills), queueIds, maxConcurrent);
    }

    /** HA1 hashes for HTTP digest (RFC 7616): MD5 for old phones, SHA-256 for new ones. */
    public record SipDigest(String md5, String sha256) {
        public SipDigest {
            Objects.requireNonNull(md5);
            Objects.requireNonNull(sha256);
        }
    }
}
