package io.callisto.grid.acd;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import java.io.Serializable;
import java.util.List;

/**
 * What a command returns from the member that ran it: its events, or the typed refusal. A refusal travels
 * as data because an exception thrown inside an entry processor reaches the caller wrapped and untyped.
 */
record CommandResult(List<AcdEvent> events, Refusal refusal) implements Serializable {
    record Refusal(ErrorKind kind, String code, String detail, List<CallistoException.FieldError> fieldErrors)
            implements Serializable {
    }

    static CommandResult ok(List<AcdEvent> events) {
        return new CommandResult(List.copyOf(events), null);
    }

    /** A retried command that had already been applied: nothing new happened. */
    static CommandResult replayed() {
        return new CommandResult(List.of(), null);
    }

    static CommandResult refused(CallistoException e) {
        return new CommandResult(List.of(), new Refusal(e.kind(), e.code(), e.detail(), List.copyOf(e.fieldErrors())));
    }
}
