package io.callisto.gateway.sip.registrar;

import io.callisto.core.ids.TenantId;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.SipResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registrar for agents' SIP phones (RFC 3261 section 10.3): {@code REGISTER} with the address of record
 * {@code sip:<sipUsername>@<tenantId>} and digest authentication in the realm of the tenant's id. Every REGISTER
 * without valid credentials is challenged or refused the same way whether the user exists or not, so nobody can
 * learn which usernames exist. Bindings go to the shared {@link BindingStore}.
 */
public final class Registrar {
    public static final int MIN_EXPIRES = 60;
    public static final int MAX_EXPIRES = 3600;
    public static final int MAX_BINDINGS = 10;
    private static final System.Logger LOG = System.getLogger(Registrar.class.getName());
    private final SipAccounts accounts;
    private final BindingStore bindings;
    private final RegistrarAuth auth;
    private final Clock clock;

    public Registrar(SipAccounts accounts, BindingStore bindings, RegistrarAuth auth, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.auth = auth;
        this.clock = clock;
    }

    /** Its digest authentication, which trunks authenticating INVITEs share (same nonces, same realm rule). */
    public RegistrarAuth auth() {
        return auth;
    }

    /** The agents' SIP accounts it checks, which agents' calls to colleagues are authenticated against too. */
    public SipAccounts accounts() {
        return accounts;
    }

    public void handle(IncomingRequest request) {
        Optional<TenantId> tenant = tenantOf(request.toUri().host());
        String username = request.toUri().user();
        if (tenant.isEmpty() || username == null || username.isBlank() || username.length() > 128) {
            request.respond(SipResponse.of(404, "Not Found"));
            return;
        }
        String realm = tenant.get().value();
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty()) {
            request.respond(challenge(realm, false));
            return;
        }
        RegistrarAuth.Outcome outcome = auth.verify(authorization.get(), "REGISTER", realm,
                user -> accounts.find(tenant.get(), user));
        switch (outcome) {
            case RegistrarAuth.Outcome.Stale s -> request.respond(challenge(realm, true));
            case RegistrarAuth.Outcome.Denied d -> {
                LOG.log(System.Logger.Level.INFO, "REGISTER for {0}@{1} from {2} refused: {3}", username, realm,
                        request.source(), d.reason());
                request.respond(SipResponse.of(403, "Forbidden"));
            }
            case RegistrarAuth.Outcome.Ok ok when !ok.username().equals(username) ->
                    request.respond(SipResponse.of(403, "Forbidden"));
            case RegistrarAuth.Outcome.Ok ok -> register(request, tenant.get(), username, ok.account());
        }
    }

    private SipResponse challenge(String realm, boolean stale) {
        SipResponse response = SipResponse.of(401, "Unauthorized");
        for (String value : auth.challenges(realm, stale)) {
            response = response.withHeader("WWW-Authenticate", value);
        }
        return response;
    }

    private void register(IncomingRequest request, TenantId tenant, String username, SipAccount account) {
        Instant now = clock.instant();
        List<IncomingRequest.ContactEntry> contacts = request.contacts();
        if (contacts.isEmpty()) {
            request.respond(ok(bindings.find(tenant, username, now), now));
            return;
        }
        boolean wildcard = contacts.stream().anyMatch(IncomingRequest.ContactEntry::isWildcard);
        if (wildcard && (contacts.size() > 1 || request.expires() != 0)) {
            request.respond(SipResponse.of(400, "Bad Request: * needs Expires: 0 and no other Contact"));
            return;
        }
        for (IncomingRequest.ContactEntry c : contacts) {
            int expires = c.isWildcard() ? 0 : expiresOf(c, request.expires());
            if (expires > 0 && expires < MIN_EXPIRES) {
                request.respond(SipResponse.of(423, "Interval Too Brief").withHeader("Min-Expires",
                        Integer.toString(MIN_EXPIRES)));
                return;
            }
        }
        RegisterChange change = new RegisterChange(request, tenant, username, account, contacts, now);
        List<Binding> result;
        try {
            result = bindings.update(tenant, username, now, change);
        } catch (RegisterChange.Refused refused) {
            request.respond(SipResponse.of(refused.status(), refused.getMessage()));
            return;
        }
        request.respond(ok(result, now));
    }

    static int expiresOf(IncomingRequest.ContactEntry contact, int headerExpires) {
        int expires = contact.expires() >= 0 ? contact.expires() : headerExpires >= 0 ? headerExpires : MAX_EXPIRES;
        return Math.min(expires, MAX_EXPIRES);
    }

    private static SipResponse ok(List<Binding> current, Instant now) {
        SipResponse response = SipResponse.of(200, "OK").withHeader("Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        List<String> contacts = new ArrayList<>();
        for (Binding b : current) {
            contacts.add("<" + b.contact() + ">;expires=" + b.secondsLeft(now));
        }
        for (String contact : contacts) {
            response = response.withHeader("Contact", contact);
        }
        return response;
    }

    static Optional<TenantId> tenantOf(String host) {
        try {
            return host == null || host.isBlank() ? Optional.empty() : Optional.of(new TenantId(host));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
