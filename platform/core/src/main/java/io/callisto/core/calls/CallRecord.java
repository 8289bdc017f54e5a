package io.callisto.core.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A call detail record: one finished call, written by the gateway once both legs are gone. The id is the call's id
 * (also its recording's file name, so letters, digits, {@code . _ -}, at most 64 characters, starting with a letter
 * or digit, without {@code ..}). {@code answeredAt} is when an agent was connected; {@code recording} the
 * recording's file name within the tenant's recordings (see {@link RecordingStore}) or null. Times are kept to the
 * millisecond, what every database and JavaScript client keeps.
 */
public record CallRecord(String id, CallDirection direction, String from, String to, String numberId, String trunkId,
                         String queueId, String agentId, String interactionId, Instant startedAt, Instant answeredAt,
                         Instant endedAt, long waitSeconds, long talkSeconds, long holdSeconds,
                         CallDisposition disposition, HangupSide hangupSide, int sipCause, String recording) {
    /** What a call id may be. */
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    static final int MAX_ADDRESS = 320;

    public CallRecord {
        Objects.requireNonNull(id, "id");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid call id");
        }
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(hangupSide, "hangupSide");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
        endedAt = Objects.requireNonNull(endedAt, "endedAt").truncatedTo(ChronoUnit.MILLIS);
        answeredAt = answeredAt == null ? null : answeredAt.truncatedTo(ChronoUnit.MILLIS);
        if (waitSeconds < 0 || talkSeconds < 0 || holdSeconds < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (from.length() > MAX_ADDRESS || to.length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("from and to are at most " + MAX_ADDRESS + " characters");
        }
        if (recording != null && !RecordingStore.isValidName(recording)) {
            throw new IllegalArgumentException("invalid recording name");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches() && !id.contains("..");
    }

    public boolean hasRecording() {
        return recording != null;
    }
}
