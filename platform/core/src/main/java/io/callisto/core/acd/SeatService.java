package io.callisto.core.acd;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.signup.SignupService;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Clock;

/**
 * A tenant's seat lease: how many agents may be logged in at once (stored with the tenant) and how many are
 * (from the ACD). A new lease is stored and applied to the ACD in one unit of work: the ACD refuses a lease
 * below the agents logged in now, and then the stored lease rolls back too.
 */
public final class SeatService {
    private final Transactions tx;
    private final TenantRepository tenants;
    private final Acd acd;
    private final Clock clock;

    public SeatService(Transactions tx, TenantRepository tenants, Acd acd, Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.acd = acd;
        this.clock = clock;
    }

    /** Seats leased and in use. */
    public record Seats(int leased, int inUse) {
    }

    public Seats get(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        Tenant tenant = tenant(caller.tenantId());
        sync(tenant);
        return new Seats(tenant.seatsLeased(), inUse(caller.tenantId()));
    }

    /**
     * Makes the ACD's lease match the stored one (a new tenant, or a grid restarted from nothing). Whatever
     * logs agents in calls this first; a stored lease below the agents logged in is left for an admin to fix.
     */
    public void sync(TenantId id) {
        sync(tenant(id));
    }

    private void sync(Tenant tenant) {
        boolean matches = acd.snapshot(tenant.id()).map(s -> s.seatsLeased() == tenant.seatsLeased()).orElse(false);
        if (!matches) {
            try {
                acd.execute(tenant.id(), new AcdCommand.SetSeats(tenant.seatsLeased()));
            } catch (io.callisto.core.error.CallistoException inUse) {
                // more agents logged in than the stored lease: keep the ACD's lease until an admin changes it
            }
        }
    }

    /** Sets the lease directly (billing disabled; with billing enabled the billing module changes it). */
    public Seats lease(Caller caller, Integer leased) {
        caller.requireAnyRole(Role.ADMIN);
        if (leased == null || leased < 0 || leased > SignupService.MAX_SEATS) {
            throw Errors.invalid("invalid-seats", "leased must be an integer from 0 to " + SignupService.MAX_SEATS);
        }
        TenantId id = caller.tenantId();
        tx.runInTenant(id, () -> {
            tx.lockTenant(id);
            Tenant tenant = tenant(id);
            tenants.update(tenant.withSeatsLeased(leased, clock.instant()));
            acd.execute(id, new AcdCommand.SetSeats(leased));
        });
        return new Seats(leased, inUse(id));
    }

    private Tenant tenant(TenantId id) {
        return tx.inTenant(id, () -> tenants.find(id)).orElseThrow(() -> Errors.notFound("tenant"));
    }

    private int inUse(TenantId id) {
        return acd.snapshot(id).map(TenantAcd::seatsInUse).orElse(0);
    }
}
