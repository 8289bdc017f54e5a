package io.callisto.core.agent;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The reasons a tenant's agents may give for being AWAY; every role reads them, admins replace the list. */
public final class AwayReasonService {
    static final int MAX_REASONS = 50;
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");
    private final Transactions tx;
    private final AwayReasonRepository reasons;

    public AwayReasonService(Transactions tx, AwayReasonRepository reasons) {
        this.tx = tx;
        this.reasons = reasons;
    }

    public List<AwayReason> list(Caller caller) {
        return list(caller.tenantId());
    }

    List<AwayReason> list(TenantId tenant) {
        return tx.inTenant(tenant, () -> reasons.find(tenant)).orElse(AwayReason.DEFAULTS);
    }

    public List<AwayReason> replace(Caller caller, List<AwayReason> input) {
        caller.requireAnyRole(Role.ADMIN);
        Validator v = new Validator();
        v.require(input != null && input.size() <= MAX_REASONS, "items", "a list of at most " + MAX_REASONS + " reasons");
        if (input != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < input.size(); i++) {
                AwayReason r = input.get(i);
                String field = "items[" + i + "]";
                v.require(r != null && r.code() != null && CODE.matcher(r.code()).matches(), field + ".code",
                        "1-40 lower-case letters, digits, _ -");
                v.require(r != null && r.label() != null && !r.label().isBlank() && r.label().length() <= 100,
                        field + ".label", "1 to 100 characters");
                v.require(r == null || r.code() == null || seen.add(r.code()), field + ".code", "appears twice");
                v.require(r == null || !AwayReason.MISSED.equals(r.code()), field + ".code",
                        "'missed' is set by the ACD when an offer times out");
            }
        }
        v.throwIfInvalid();
        List<AwayReason> cleaned = input.stream().map(r -> new AwayReason(r.code(), r.label().trim())).toList();
        tx.runInTenant(caller.tenantId(), () -> reasons.replace(caller.tenantId(), cleaned));
        return cleaned;
    }

    /** Whether an agent may give this code. */
    boolean allows(TenantId tenant, String code) {
        return list(tenant).stream().anyMatch(r -> r.code().equals(code));
    }
}
