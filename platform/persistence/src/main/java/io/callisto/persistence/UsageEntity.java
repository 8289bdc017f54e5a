package io.callisto.persistence;

import io.callisto.core.billing.CallUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Row of {@code billing_usage}: one call's billable time and its reporting state; tenant scoped like {@link UserEntity}. */
@Entity
@Table(name = "billing_usage")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class UsageEntity {
    /** The column's length; a longer error is cut. */
    static final int MAX_ERROR = 2000;

    @Id
    @Column(name = "call_id")
    private String callId;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "billable_seconds")
    private long billableSeconds;
    @Column(name = "attempts")
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "abandoned")
    private boolean abandoned;
    @Column(name = "last_error")
    private String lastError;

    protected UsageEntity() {
        // for JPA
    }

    /** New usage: no attempt yet, due as soon as the call ended. */
    UsageEntity(CallUsage usage) {
        callId = usage.callId();
        endedAt = usage.endedAt();
        billableSeconds = usage.billableSeconds();
        attempts = 0;
        nextAttemptAt = usage.endedAt();
    }

    /** The provider has it: the successful attempt counts. */
    void reported(Instant at) {
        attempts++;
        reportedAt = at;
        abandoned = false;
        lastError = null;
    }

    void retry(int newAttempts, Instant next, String error) {
        attempts = newAttempts;
        nextAttemptAt = next;
        reportedAt = null;
        abandoned = false;
        lastError = cut(error);
    }

    void abandon(String error) {
        reportedAt = null;
        abandoned = true;
        lastError = cut(error);
    }

    /** At most {@link #MAX_ERROR} characters, never half a surrogate pair. */
    static String cut(String error) {
        if (error == null || error.length() <= MAX_ERROR) {
            return error;
        }
        int end = Character.isHighSurrogate(error.charAt(MAX_ERROR - 1)) ? MAX_ERROR - 1 : MAX_ERROR;
        return error.substring(0, end);
    }
}
