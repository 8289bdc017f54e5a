package io.callisto.core.calls;

import io.callisto.core.ids.TenantId;
import io.callisto.core.tx.Transactions;

/**
 * How the gateway writes call detail records: each in a unit of work of its own. Idempotent, so a record the gateway
 * buffered through a database outage can be written again without harm.
 */
public final class CallRecorder {
    private final Transactions tx;
    private final CallRecordRepository records;

    public CallRecorder(Transactions tx, CallRecordRepository records) {
        this.tx = tx;
        this.records = records;
    }

    /** Stores the record; false when one with its id was stored before (that one is kept). */
    public boolean record(TenantId tenant, CallRecord record) {
        return tx.inTenant(tenant, () -> records.insert(tenant, record));
    }
}
