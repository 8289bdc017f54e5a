package io.callisto.persistence;

import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberTarget;
import io.callisto.core.telephony.TargetType;
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

/** Row of {@code numbers}; tenant scoped like {@link UserEntity}. The target is a type and one id column per type. */
@Entity
@Table(name = "numbers")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class NumberEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "e164")
    private String e164;
    @Column(name = "name")
    private String name;
    @Column(name = "trunk_id")
    private String trunkId;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_type")
    private TargetType targetType;
    @Column(name = "target_queue_id")
    private String targetQueueId;
    @Column(name = "target_ivr_flow_id")
    private String targetIvrFlowId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected NumberEntity() {
        // for JPA
    }

    NumberEntity(NumberConfig number) {
        this.id = number.id();
        copyFrom(number);
    }

    final void copyFrom(NumberConfig n) {
        e164 = n.e164();
        name = n.name();
        trunkId = n.trunkId();
        targetType = n.target().type();
        targetQueueId = n.target().queueId();
        targetIvrFlowId = n.target().ivrFlowId();
        createdAt = n.createdAt();
        updatedAt = n.updatedAt();
    }

    static NumberTarget target(TargetType type, String queueId, String ivrFlowId) {
        return type == TargetType.QUEUE ? NumberTarget.queue(queueId) : NumberTarget.ivr(ivrFlowId);
    }

    NumberConfig toNumber() {
        return new NumberConfig(id, e164, name, trunkId, target(targetType, targetQueueId, targetIvrFlowId), createdAt,
                updatedAt);
    }
}
