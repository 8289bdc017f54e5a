package io.callisto.gateway.call;

import io.callisto.core.acd.AgentState;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.registrar.RegistrarAuth;
import io.callisto.gateway.sip.registrar.SipAccounts;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.SipResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an INVITE from an agent's phone to a colleague ({@code sip:<colleague's SIP username>@<tenant id>}, the
 * domain the phone registers in) may ring the colleague: the caller proves they are one of the tenant's agents by
 * digest in the tenant's realm (407, then 403 for wrong credentials), exactly as when registering; the colleague
 * must be an agent of the same tenant (404) with a registered phone (480) who is not on, or being offered, another
 * call (486). Nothing else can be reached this way: no number, no trunk, so no toll fraud.
 */
final class ConsultAdmission {
    private static final Set<AgentState> BUSY = EnumSet.of(AgentState.RESERVED, AgentState.RINGING, AgentState.BUSY);
    private final CallServices services;
    private final CallRegistry registry;
    private final RegistrarAuth auth;
    private final SipAccounts accounts;

    ConsultAdmission(CallServices services, CallRegistry registry, RegistrarAuth auth, SipAccounts accounts) {
        this.services = services;
        this.registry = registry;
        this.auth = auth;
        this.accounts = accounts;
    }

    /** A call admitted: the tenant, who calls, who is called and the phone to ring. */
    record Admitted(TenantId tenant, String fromAgent, String toAgent, Binding phone) {
    }

    /** The admitted call, or the response that refuses it. */
    record Decision(Admitted admitted, SipResponse refusal) {
        static Decision refuse(int status, String reason) {
            return new Decision(null, SipResponse.of(status, reason));
        }
    }

    /** Whether the request URI names a tenant's domain rather than the gateway (where carriers send numbers). */
    static boolean isForColleague(IncomingRequest invite, String gatewayHost) {
        String host = invite.requestUri().host();
        return host != null && !host.equalsIgnoreCase(gatewayHost) && !isAddressLiteral(host)
                && invite.requestUri().user() != null;
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || host.equalsIgnoreCase("localhost");
    }

    Decision decide(IncomingRequest invite) {
        TenantId tenant;
        try {
            tenant = new TenantId(invite.requestUri().host());
        } catch (IllegalArgumentException e) {
            return Decision.refuse(404, "Not Found");
        }
        String realm = tenant.value();
        if (auth == null) {
            return Decision.refuse(403, "Forbidden");
        }
        Optional<String> authorization = invite.header("Proxy-Authorization");
        if (authorization.isEmpty()) {
            return new Decision(null, challenge(realm, false));
        }
        RegistrarAuth.Outcome outcome = auth.verify(authorization.get(), "INVITE", realm,
                user -> accounts.find(tenant, user));
        return switch (outcome) {
            case RegistrarAuth.Outcome.Ok ok -> colleague(invite, tenant, ok.account().agentId());
            case RegistrarAuth.Outcome.Stale s -> new Decision(null, challenge(realm, true));
            case RegistrarAuth.Outcome.Denied d -> Decision.refuse(403, "Forbidden");
        };
    }

    private Decision colleague(IncomingRequest invite, TenantId tenant, String fromAgent) {
        try {
            services.acd().requireWorking(tenant);
        } catch (CallistoException e) {
            return Decision.refuse(403, "Forbidden");
        }
        Optional<String> toAgent = services.phones().agentWithSipUsername(tenant, invite.requestUri().user());
        if (toAgent.isEmpty()) {
            return Decision.refuse(404, "Not Found");
        }
        if (toAgent.get().equals(fromAgent) || registry.inConsultation(tenant, toAgent.get())
                || services.acd().snapshot(tenant).agent(toAgent.get()).map(a -> BUSY.contains(a.state())).orElse(false)) {
            return Decision.refuse(486, "Busy Here");
        }
        List<Binding> phones = services.phones().of(tenant, toAgent.get());
        if (phones.isEmpty()) {
            return Decision.refuse(480, "Temporarily Unavailable");
        }
        return new Decision(new Admitted(tenant, fromAgent, toAgent.get(), phones.getFirst()), null);
    }

    private SipResponse challenge(String realm, boolean stale) {
        SipResponse response = SipResponse.of(407, "Proxy Authentication Required");
        for (String value : auth.challenges(realm, stale)) {
            response = response.withHeader("Proxy-Authenticate", value);
        }
        return response;
    }
}
