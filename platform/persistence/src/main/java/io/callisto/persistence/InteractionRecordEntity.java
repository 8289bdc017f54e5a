package io.callisto.persistence;

import io.callisto.core.acd.Channel;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.acd.InteractionState;
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

/** Row of {@code interaction_records}; tenant scoped like {@link UserEntity}. Immutable once stored. */
@Entity
@Table(name = "interaction_records")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class InteractionRecordEntity {
    @Id
    @Column(name = "interaction_id")
    private String interactionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel")
    private Channel channel;
    @Column(name = "queue_id")
    private String queueId;
    @Column(name = "agent_id")
    private String agentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "final_state")
    private InteractionState finalState;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "subject")
    private String subject;
    @Column(name = "priority")
    private int priority;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "connected_at")
    private Instant connectedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "disposition")
    private String disposition;
    @Column(name = "notes")
    private String notes;
    @Column(name = "contact_id")
    private String contactId;
    @Column(name = "transfers")
    private int transfers;

    protected InteractionRecordEntity() {
        // for JPA
    }

    InteractionRecordEntity(InteractionRecord r) {
        interactionId = r.interactionId();
        channel = r.channel();
        queueId = r.queueId();
        agentId = r.agentId();
        finalState = r.finalState();
        fromAddress = r.from();
        subject = r.subject();
        priority = r.priority();
        createdAt = r.createdAt();
        connectedAt = r.connectedAt();
        endedAt = r.endedAt();
        disposition = r.disposition();
        notes = r.notes();
        contactId = r.contactId();
        transfers = r.transfers();
    }

    void disposition(String newDisposition, String newNotes) {
        disposition = newDisposition;
        notes = newNotes;
    }

    InteractionRecord toRecord() {
        return new InteractionRecord(interactionId, channel, queueId, agentId, finalState, fromAddress, subject, priority,
                createdAt, connectedAt, endedAt, disposition, notes, contactId, transfers);
    }
}
