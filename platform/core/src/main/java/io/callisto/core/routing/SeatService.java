package io.callisto.core.routing;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.auth.Caller;
import io.callisto.core.billing.SeatBilling;
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
    private final LiveAcd acd;
    private final Clock clock;
    private final SeatBilling billing;

    public SeatService(Transactions tx, TenantRepository tenants, LiveAcd acd, Clock clock, SeatBilling billing) {
        this.tx = tx;
        this.tenants = tenants;
        this.acd = acd;
        this.clock = clock;
        this.billing = billing;
    }

    public SeatService(Transactions tx, TenantRepository tenants, LiveAcd acd, Clock clock) {
        this(tx, tenants, acd, clock, SeatBilling.NONE);
    }

    /** Seats leased and in use. */
    public record Seats(int leased, int inUse) {
    }

    public Seats get(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        TenantAcd state = acd.snapshot(caller.tenantId());
        return new Seats(tenant(caller.tenantId()).seatsLeased(), state.seatsInUse());
    }

    /**
     * Sets the lease: the ACD checks it against the agents logged in, billing bills it (with billing disabled it is
     * simply stored), then it is stored. Should billing refuse or the commit fail after the ACD took the new lease,
     * the ACD is set back to the stored one.
     */
    public Seats lease(Caller caller, Integer leased) {
        caller.requireAnyRole(Role.ADMIN);
        if (leased == null || leased < 0 || leased > SignupService.MAX_SEATS) {
            throw Errors.invalid("invalid-seats", "leased must be an integer from 0 to " + SignupService.MAX_SEATS);
        }
        TenantId id = caller.tenantId();
        try {
            tx.runInTenant(id, () -> {
                tx.lockTenant(id);
                Tenant changed = tenant(id).withSeatsLeased(leased, clock.instant());
                acd.execute(id, changed.status().agentsMayWork() ? new AcdCommand.SetSeats(leased)
                        : new AcdCommand.SetSeats(changed.workingSeats(), true));
                billing.leaseChanging(id, leased);
                tenants.update(changed);
            });
        } catch (RuntimeException e) {
            acd.restoreSeats(id);
            throw e;
        }
        return new Seats(leased, acd.snapshot(id).seatsInUse());
    }

    private Tenant tenant(TenantId id) {
        return tx.inTenant(id, () -> tenants.find(id)).orElseThrow(() -> Errors.notFound("tenant"));
    }
}
