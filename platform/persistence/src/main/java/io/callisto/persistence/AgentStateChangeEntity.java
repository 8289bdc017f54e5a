package io.callisto.persistence;

import io.callisto.core.acd.AgentState;
import io.callisto.core.agent.AgentStateChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code agent_state_changes}; tenant scoped like {@link UserEntity}. Append-only: rows are only
 * inserted and queried, never found by id, so the composite key (batch, idx) needs no id class.
 */
@Entity
@Table(name = "agent_state_changes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class AgentStateChangeEntity {
    @Id
    @Column(name = "batch")
    private long batch;
    @Id
    @Column(name = "idx")
    private int idx;
    @Column(name = "agent_id")
    private String agentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private AgentState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private AgentState toState;
    @Column(name = "reason")
    private String reason;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected AgentStateChangeEntity() {
        // for JPA
    }

    AgentStateChangeEntity(AgentStateChange change) {
        batch = change.batch();
        idx = change.index();
        agentId = change.agentId();
        fromState = change.from();
        toState = change.to();
        reason = change.reason();
        changedAt = change.at();
    }

    AgentStateChange toChange() {
        return new AgentStateChange(batch, idx, agentId, fromState, toState, reason, changedAt);
    }
}
