package io.callisto.core.billing;

import io.callisto.core.acd.Channel;
import io.callisto.core.acd.InteractionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished call's billable time. A call is billed from its arrival to its end (the carrier leg is open all
 * that time, waiting included), rounded up to whole minutes; a call that lasted no time at all is not billed. A call
 * an agent placed arrives when the customer answers (its interaction starts then), and one nobody answered
 * (UNANSWERED) is not billed.
 */
public record CallUsage(String callId, Instant endedAt, long billableSeconds) {
    public CallUsage {
        Objects.requireNonNull(callId);
        Objects.requireNonNull(endedAt);
        if (billableSeconds <= 0) {
            throw new IllegalArgumentException("a billed call lasts at least one second");
        }
    }

    public long minutes() {
        return (billableSeconds + 59) / 60;
    }

    /** The usage of a finished interaction: voice calls only, and only when they lasted. */
    public static Optional<CallUsage> of(InteractionRecord record) {
        if (record.channel() != Channel.VOICE || record.createdAt() == null || record.endedAt() == null
                || record.finalState() == io.callisto.core.acd.InteractionState.UNANSWERED) {
            return Optional.empty();
        }
        long millis = Duration.between(record.createdAt(), record.endedAt()).toMillis();
        if (millis <= 0) {
            return Optional.empty();
        }
        return Optional.of(new CallUsage(record.interactionId(), record.endedAt(), (millis + 999) / 1000));
    }
}
