package io.callisto.persistence;

import io.callisto.core.agent.AgentSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Row of {@code agents}; tenant scoped like {@link UserEntity}. Skills, queues and capacities are JSON text. */
@Entity
@Table(name = "agents")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class AgentEntity {
    @Id
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "skills")
    private String skills;
    @Column(name = "queue_ids")
    private String queueIds;
    @Column(name = "max_concurrent")
    private String maxConcurrent;
    @Column(name = "sip_username")
    private String sipUsername;
    @Column(name = "sip_digest_md5")
    private String sipDigestMd5;
    @Column(name = "sip_digest_sha256")
    private String sipDigestSha256;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AgentEntity() {
        // for JPA
    }

    AgentEntity(AgentSettings agent) {
        this.agentId = agent.agentId();
        copyFrom(agent);
    }

    final void copyFrom(AgentSettings agent) {
        skills = JsonText.ofIntMap(agent.skills());
        queueIds = JsonText.ofStringSet(agent.queueIds());
        maxConcurrent = JsonText.ofChannelMap(agent.maxConcurrent());
        sipUsername = agent.sipUsername();
        sipDigestMd5 = agent.sipDigest() == null ? null : agent.sipDigest().md5();
        sipDigestSha256 = agent.sipDigest() == null ? null : agent.sipDigest().sha256();
        createdAt = agent.createdAt();
        updatedAt = agent.updatedAt();
    }

    String sipUsername() {
        return sipUsername;
    }

    AgentSettings toAgent() {
        AgentSettings.SipDigest digest = sipDigestMd5 == null ? null : new AgentSettings.SipDigest(sipDigestMd5, sipDigestSha256);
        return new AgentSettings(agentId, JsonText.intMap(skills), JsonText.stringSet(queueIds),
                JsonText.channelMap(maxConcurrent), sipUsername, digest, createdAt, updatedAt);
    }
}
