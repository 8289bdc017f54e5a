package io.callisto.core.agent;

import java.util.List;
import java.util.Objects;

/** A tenant-defined reason an agent can give for being AWAY (break, lunch, training ...). */
public record AwayReason(String code, String label) {
    /** What a new tenant starts with until an admin defines its own. */
    public static final List<AwayReason> DEFAULTS = List.of(new AwayReason("break", "Break"),
            new AwayReason("lunch", "Lunch"), new AwayReason("meeting", "Meeting"),
            new AwayReason("training", "Training"), new AwayReason("after-call-work", "After-call work"));

    /** Set by the ACD when an agent lets an offer time out; never chosen by an agent. */
    public static final String MISSED = "missed";

    public AwayReason {
        Objects.requireNonNull(code);
        Objects.requireNonNull(label);
    }
}
