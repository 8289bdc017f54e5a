package io.callisto.core.routing;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.tx.Transactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what reports keep from the ACD's events: finished interactions and every agent state transition.
 * Idempotent (the stores skip what they have), so the grid's outbox can hand a batch over again after a
 * failure without duplicating anything; a tenant's batches go in one unit of work.
 */
public final class EventRecorder {
    private final Transactions tx;
    private final InteractionHistory history;
    private final AgentStateLog stateLog;
    private final UsageLedger usage;

    /**
     * @param usage where finished calls' billable usage goes, in the same unit of work as the calls; null when
     *              usage is not billed (billing disabled)
     */
    public EventRecorder(Transactions tx, InteractionHistory history, AgentStateLog stateLog, UsageLedger usage) {
        this.tx = tx;
        this.history = history;
        this.stateLog = stateLog;
        this.usage = usage;
    }

    public EventRecorder(Transactions tx, InteractionHistory history, AgentStateLog stateLog) {
        this(tx, history, stateLog, null);
    }

    /** Stores the batches; throws (having stored none of a failing tenant's) when the database fails. */
    public void record(List<EventBatch> batches) {
        Map<TenantId, List<EventBatch>> byTenant = new LinkedHashMap<>();
        batches.forEach(b -> byTenant.computeIfAbsent(b.tenantId(), t -> new ArrayList<>()).add(b));
        byTenant.forEach(this::recordTenant);
    }

    private void recordTenant(TenantId tenant, List<EventBatch> batches) {
        List<InteractionRecord> records = new ArrayList<>();
        List<InteractionRecord> dispositions = new ArrayList<>();
        List<AgentStateChange> changes = new ArrayList<>();
        for (EventBatch batch : batches) {
            for (int i = 0; i < batch.events().size(); i++) {
                AcdEvent event = batch.events().get(i);
                if (event instanceof AcdEvent.Ended ended) {
                    records.add(ended.record());
                } else if (event instanceof AcdEvent.Dispositioned d) {
                    dispositions.add(d.record());
                } else if (event instanceof AcdEvent.AgentStateChanged c) {
                    changes.add(new AgentStateChange(batch.sequence(), i, c.agentId(), c.from(), c.to(), c.reason(),
                            c.at()));
                }
            }
        }
        if (records.isEmpty() && dispositions.isEmpty() && changes.isEmpty()) {
            return;
        }
        Work work = new Work(records, dispositions, changes);
        try {
            store(tenant, work);
        } catch (io.callisto.core.error.CallistoException e) {
            if (e.kind() != io.callisto.core.error.ErrorKind.CONFLICT) {
                throw e;
            }
            // another writer stored some of these between our check and our insert: this time they are skipped
            store(tenant, work);
        }
    }

    /** A tenant's share of the batches: dispositions apply after the records (the same batch may end and wrap up). */
    private record Work(List<InteractionRecord> records, List<InteractionRecord> dispositions,
                        List<AgentStateChange> changes) {
    }

    private void store(TenantId tenant, Work work) {
        List<InteractionRecord> records = work.records();
        tx.runInTenant(tenant, () -> {
            if (!records.isEmpty()) {
                history.recordAll(tenant, records);
                if (usage != null) {
                    List<CallUsage> billed = records.stream().map(CallUsage::of).flatMap(java.util.Optional::stream)
                            .toList();
                    if (!billed.isEmpty()) {
                        usage.recordAll(tenant, billed);
                    }
                }
            }
            if (!work.dispositions().isEmpty()) {
                history.recordDispositions(tenant, work.dispositions());
            }
            if (!work.changes().isEmpty()) {
                stateLog.appendAll(tenant, work.changes());
            }
        });
    }

    /** Whether a batch holds anything this recorder stores (the outbox keeps only those). */
    public static boolean isRecorded(EventBatch batch) {
        for (AcdEvent e : batch.events()) {
            if (e instanceof AcdEvent.Ended || e instanceof AcdEvent.Dispositioned
                    || e instanceof AcdEvent.AgentStateChanged) {
                return true;
            }
        }
        return false;
    }
}
