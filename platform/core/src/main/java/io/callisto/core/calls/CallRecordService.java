package io.callisto.core.calls;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.util.List;

/**
 * Call detail records as the API reads them. Admins and supervisors see every call of the tenant; an agent sees only
 * the calls they were connected to, and learns nothing of the others, not even that they exist.
 */
public final class CallRecordService {
    private final Transactions tx;
    private final CallRecordRepository records;

    public CallRecordService(Transactions tx, CallRecordRepository records) {
        this.tx = tx;
        this.records = records;
    }

    public Page<CallRecord> list(Caller caller, CallFilter filter, PageRequest page) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw Errors.invalid(List.of(new CallistoException.FieldError("to", "must be after from")));
        }
        CallFilter visible = filter;
        if (!seesAll(caller)) {
            if (filter.agentId() != null && !filter.agentId().equals(caller.principalId())) {
                return new Page<>(List.of(), null);
            }
            visible = filter.forAgent(caller.principalId());
        }
        CallFilter effective = visible;
        return tx.inTenant(caller.tenantId(), () -> records.list(caller.tenantId(), effective, page));
    }

    public CallRecord get(Caller caller, String callId) {
        CallRecord record = tx.inTenant(caller.tenantId(), () -> records.find(caller.tenantId(), callId))
                .orElseThrow(() -> Errors.notFound("call"));
        if (!seesAll(caller) && !caller.principalId().equals(record.agentId())) {
            throw Errors.notFound("call");
        }
        return record;
    }

    private static boolean seesAll(Caller caller) {
        return caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR);
    }
}
