package io.callisto.core.routing;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.auth.Caller;
import io.callisto.core.user.Role;

/**
 * Who of a tenant's subscribers sees an ACD event: admins, supervisors and integrations (API keys) see all of
 * their tenant's events; an agent sees what concerns them (their offers, their state, their interactions).
 * The tenant itself is checked before this: no event ever reaches another tenant's subscriber.
 */
public final class EventAudience {
    private EventAudience() {
    }

    public static boolean seesAll(Caller caller) {
        return caller.kind() == Caller.Kind.API_KEY || caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR);
    }

    public static boolean sees(Caller caller, AcdEvent event) {
        if (seesAll(caller)) {
            return true;
        }
        String me = caller.principalId();
        return switch (event) {
            case AcdEvent.Offered e -> me.equals(e.agentId());
            case AcdEvent.OfferWithdrawn e -> me.equals(e.agentId());
            case AcdEvent.AgentStateChanged e -> me.equals(e.agentId());
            case AcdEvent.Connected e -> me.equals(e.agentId());
            case AcdEvent.Transferred e -> me.equals(e.fromAgentId()) || me.equals(e.toAgentId());
            case AcdEvent.Ended e -> me.equals(e.record().agentId());
            case AcdEvent.Dispositioned e -> me.equals(e.record().agentId());
            case AcdEvent.Queued e -> false;
            case AcdEvent.Overflowed e -> false;
        };
    }
}
