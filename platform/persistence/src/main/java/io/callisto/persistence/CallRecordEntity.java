package io.callisto.persistence;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
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

/** Row of {@code call_records}; tenant scoped like {@link UserEntity}. Immutable once stored. */
@Entity
@Table(name = "call_records")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class CallRecordEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "direction")
    private CallDirection direction;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "to_address")
    private String toAddress;
    @Column(name = "number_id")
    private String numberId;
    @Column(name = "trunk_id")
    private String trunkId;
    @Column(name = "queue_id")
    private String queueId;
    @Column(name = "agent_id")
    private String agentId;
    @Column(name = "interaction_id")
    private String interactionId;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "wait_seconds")
    private long waitSeconds;
    @Column(name = "talk_seconds")
    private long talkSeconds;
    @Column(name = "hold_seconds")
    private long holdSeconds;
    @Enumerated(EnumType.STRING)
    @Column(name = "disposition")
    private CallDisposition disposition;
    @Enumerated(EnumType.STRING)
    @Column(name = "hangup_side")
    private HangupSide hangupSide;
    @Column(name = "sip_cause")
    private int sipCause;
    @Column(name = "recording")
    private String recording;

    protected CallRecordEntity() {
        // for JPA
    }

    CallRecordEntity(CallRecord r) {
        id = r.id();
        direction = r.direction();
        fromAddress = r.from();
        toAddress = r.to();
        numberId = r.numberId();
        trunkId = r.trunkId();
        queueId = r.queueId();
        agentId = r.agentId();
        interactionId = r.interactionId();
        startedAt = r.startedAt();
        answeredAt = r.answeredAt();
        endedAt = r.endedAt();
        waitSeconds = r.waitSeconds();
        talkSeconds = r.talkSeconds();
        holdSeconds = r.holdSeconds();
        disposition = r.disposition();
        hangupSide = r.hangupSide();
        sipCause = r.sipCause();
        recording = r.recording();
    }

    CallRecord toRecord() {
        return new CallRecord(id, direction, fromAddress, toAddress, numberId, trunkId, queueId, agentId, interactionId,
                startedAt, answeredAt, endedAt, waitSeconds, talkSeconds, holdSeconds, disposition, hangupSide, sipCause,
                recording);
    }
}
