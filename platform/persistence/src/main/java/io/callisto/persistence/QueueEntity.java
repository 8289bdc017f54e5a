package io.callisto.persistence;

import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Row of {@code queues}; tenant scoped like {@link UserEntity}. Required skills are JSON text. */
@Entity
@Table(name = "queues")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class QueueEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "name")
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "strategy")
    private RoutingStrategy strategy;
    @Column(name = "required_skills")
    private String requiredSkills;
    @Column(name = "priority")
    private int priority;
    @Column(name = "max_wait_seconds")
    private int maxWaitSeconds;
    @Column(name = "overflow_queue_id")
    private String overflowQueueId;
    @Column(name = "wrap_up_seconds")
    private int wrapUpSeconds;
    @Column(name = "service_level_seconds")
    private int serviceLevelSeconds;
    @Column(name = "offer_timeout_seconds")
    private int offerTimeoutSeconds;
    @Column(name = "relax_after_seconds")
    private int relaxAfterSeconds;
    @Column(name = "relax_step")
    private int relaxStep;
    @Column(name = "record_calls")
    private boolean recordCalls;

    protected QueueEntity() {
        // for JPA
    }

    QueueEntity(QueueConfig queue) {
        this.id = queue.id();
        copyFrom(queue);
    }

    final void copyFrom(QueueConfig queue) {
        name = queue.name();
        strategy = queue.strategy();
        requiredSkills = JsonText.ofIntMap(queue.requiredSkills().levels());
        priority = queue.priority();
        maxWaitSeconds = queue.maxWaitSeconds();
        overflowQueueId = queue.overflowQueueId();
        wrapUpSeconds = queue.wrapUpSeconds();
        serviceLevelSeconds = queue.serviceLevelSeconds();
        offerTimeoutSeconds = queue.offerTimeoutSeconds();
        relaxAfterSeconds = queue.relaxAfterSeconds();
        relaxStep = queue.relaxStep();
        recordCalls = queue.recordCalls();
    }

    String name() {
        return name;
    }

    QueueConfig toQueue() {
        return new QueueConfig(id, name, strategy, new Skills(JsonText.intMap(requiredSkills)), priority, maxWaitSeconds,
                overflowQueueId, wrapUpSeconds, serviceLevelSeconds, offerTimeoutSeconds, relaxAfterSeconds, relaxStep,
                recordCalls);
    }
}
