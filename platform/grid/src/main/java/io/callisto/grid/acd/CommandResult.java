package io.callisto.grid.acd;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.io.Serializable;
import java.util.List;

/**
 * What a command returns from the member that ran it: its events, or the typed refusal. A refusal travels
 * as data because an exception thrown inside an entry processor reaches the caller wrapped and untyped.
 */
record CommandResult(EventBatch batch, Refusal refusal) implements Serializable {
    record Refusal(ErrorKind kind, String code, String detail, List<CallistoException.FieldError> fieldErrors)
            implements Serializable {
    }

    /** The events travel as an (unnumbered) batch: its compact form is much smaller than the records'. */
    static CommandResult ok(TenantId tenant, List<AcdEvent> events) {
        return new CommandResult(new EventBatch(tenant, 0, events), null);
    }

    /** A retried command that had already been applied: nothing new happened. */
    static CommandResult replayed(TenantId tenant) {
        return ok(tenant, List.of());
    }

    static CommandResult refused(TenantId tenant, CallistoException e) {
        return new CommandResult(new EventBatch(tenant, 0, List.of()),
                new Refusal(e.kind(), e.code(), e.detail(), List.copyOf(e.fieldErrors())));
    }

    List<AcdEvent> events() {
        return batch.events();
    }
}
