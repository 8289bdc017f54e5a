package io.callisto.gateway.sip.registrar;

import io.callisto.core.ids.TenantId;
import io.callisto.gateway.sip.stack.IncomingRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One REGISTER's effect on an address of record's live bindings (RFC 3261 10.3 steps 6 to 8): removals for
 * expires 0 or "*", additions and refreshes otherwise; a REGISTER older than the binding it would change (same
 * Call-ID, lower or equal CSeq) is refused, and so is one that would exceed {@link Registrar#MAX_BINDINGS}.
 */
final class RegisterChange implements UnaryOperator<List<Binding>> {
    private final IncomingRequest request;
    private final TenantId tenant;
    private final String username;
    private final SipAccount account;
    private final List<IncomingRequest.ContactEntry> contacts;
    private final Instant now;

    RegisterChange(IncomingRequest request, TenantId tenant, String username, SipAccount account,
                   List<IncomingRequest.ContactEntry> contacts, Instant now) {
        this.request = request;
        this.tenant = tenant;
        this.username = username;
        this.account = account;
        this.contacts = contacts;
        this.now = now;
    }

    /** A REGISTER the registrar refuses while applying it, with the status to answer. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    @Override
    public List<Binding> apply(List<Binding> live) {
        if (contacts.getFirst().isWildcard()) {
            for (Binding b : live) {
                requireNewer(b);
            }
            return List.of();
        }
        List<Binding> next = new ArrayList<>(live);
        for (IncomingRequest.ContactEntry c : contacts) {
            int expires = Registrar.expiresOf(c, request.expires());
            Binding existing = next.stream().filter(b -> b.contact().equals(c.uri())).findFirst().orElse(null);
            if (existing != null) {
                requireNewer(existing);
                next.remove(existing);
            }
            if (expires > 0) {
                next.add(new Binding(tenant, username, account.agentId(), c.uri(), request.source().getAddress()
                        .getHostAddress(), request.source().getPort(), request.transport(), now.plusSeconds(expires),
                        request.callId(), request.cseq()));
            }
        }
        if (next.size() > Registrar.MAX_BINDINGS) {
            throw new Refused(403, "Forbidden: at most " + Registrar.MAX_BINDINGS + " registered phones per user");
        }
        return next;
    }

    private void requireNewer(Binding b) {
        if (b.callId().equals(request.callId()) && request.cseq() <= b.cseq()) {
            throw new Refused(500, "Server Internal Error: out-of-order REGISTER");
        }
    }
}
