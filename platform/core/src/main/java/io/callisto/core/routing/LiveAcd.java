package io.callisto.core.routing;

import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import java.util.List;

/**
 * The ACD with each tenant's stored configuration loaded on first use. The grid starts empty (a new tenant,
 * or a cluster restarted from nothing); every command here runs only on a loaded state, and a command that
 * finds the state unloaded loads it from the database and runs again. Loading is a no-op on a loaded state,
 * and a configuration change always runs its own command after committing, so racing loaders converge.
 */
public final class LiveAcd {
    private static final System.Logger LOG = System.getLogger(LiveAcd.class.getName());
    private final Acd acd;
    private final Transactions tx;
    private final TenantRepository tenants;
    private final QueueRepository queues;
    private final AgentSettingsRepository agents;

    public LiveAcd(Acd acd, Transactions tx, TenantRepository tenants, QueueRepository queues,
                   AgentSettingsRepository agents) {
        this.acd = acd;
        this.tx = tx;
        this.tenants = tenants;
        this.queues = queues;
        this.agents = agents;
    }

    public List<AcdEvent> execute(TenantId tenant, AcdCommand command) {
        try {
            return acd.execute(tenant, new AcdCommand.IfLoaded(command));
        } catch (CallistoException e) {
            if (!AcdCommand.IfLoaded.NOT_LOADED.equals(e.code())) {
                throw e;
            }
            load(tenant);
            return acd.execute(tenant, new AcdCommand.IfLoaded(command));
        }
    }

    /**
     * Refuses new work for a tenant whose status stops agents working (pending payment, suspended, canceled): its
     * callers and tasks are not queued. One read by key, so cheap next to the command it guards.
     */
    public void requireWorking(TenantId tenant) {
        io.callisto.core.tenant.TenantStatus status = tx.inTenant(tenant, () -> tenants.find(tenant))
                .orElseThrow(() -> Errors.notFound("tenant")).status();
        if (!status.agentsMayWork()) {
            throw Errors.conflict("tenant-not-working", "the account is " + status.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ": new interactions are not queued");
        }
    }

    /** Drops a deleted tenant's routing state from the ACD. */
    public void forget(TenantId tenant) {
        acd.forget(tenant);
    }

    /** A consistent copy of the tenant's loaded routing state. */
    public TenantAcd snapshot(TenantId tenant) {
        TenantAcd state = acd.snapshot(tenant).orElse(null);
        if (state != null && state.configurationLoaded()) {
            return state;
        }
        load(tenant);
        return acd.snapshot(tenant).orElseThrow(() -> new IllegalStateException("the ACD lost a loaded tenant"));
    }

    /**
     * After a unit of work that changed a queue both in the database and in the ACD failed (the ACD took the
     * change, the commit did not): puts the stored queue back into the ACD, or removes it if none is stored.
     * Best effort, like every compensation: what fails here is logged and stays until the next change.
     */
    public void restoreQueue(TenantId tenant, String queueId) {
        compensate(tenant, () -> tx.inTenant(tenant, () -> queues.find(tenant, queueId))
                .<AcdCommand>map(AcdCommand.ConfigureQueue::new)
                .orElseGet(() -> new AcdCommand.RemoveQueue(queueId)));
    }

    /** As {@link #restoreQueue}, for an agent. */
    public void restoreAgent(TenantId tenant, String agentId) {
        compensate(tenant, () -> tx.inTenant(tenant, () -> agents.find(tenant, agentId))
                .<AcdCommand>map(a -> new AcdCommand.UpsertAgent(a.profile()))
                .orElseGet(() -> new AcdCommand.RemoveAgent(agentId)));
    }

    /** As {@link #restoreQueue}, for the seat lease. */
    public void restoreSeats(TenantId tenant) {
        compensate(tenant, () -> new AcdCommand.SetSeats(tx.inTenant(tenant, () -> tenants.find(tenant))
                .orElseThrow(() -> Errors.notFound("tenant")).workingSeats(), true));
    }

    private void compensate(TenantId tenant, java.util.function.Supplier<AcdCommand> storedState) {
        try {
            quietly(tenant, storedState.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not restore the ACD of tenant " + tenant + ": " + e);
        }
    }

    private void quietly(TenantId tenant, AcdCommand command) {
        try {
            execute(tenant, command);
        } catch (CallistoException refused) {
            LOG.log(System.Logger.Level.DEBUG, "resync: the ACD refused " + command + ": " + refused.code());
        }
    }

    /** Loads the tenant's stored queues, agents and seat lease into the ACD unless they are there already. */
    public void load(TenantId tenant) {
        acd.execute(tenant, storedConfiguration(tenant));
    }

    private AcdCommand.LoadConfiguration storedConfiguration(TenantId tenant) {
        return tx.inTenant(tenant, () -> {
            Tenant stored = tenants.find(tenant).orElseThrow(() -> Errors.notFound("tenant"));
            List<QueueConfig> storedQueues = queues.all(tenant);
            List<AgentProfile> profiles = agents.all(tenant).stream().map(AgentSettings::profile).toList();
            return new AcdCommand.LoadConfiguration(stored.workingSeats(), storedQueues, profiles);
        });
    }
}
