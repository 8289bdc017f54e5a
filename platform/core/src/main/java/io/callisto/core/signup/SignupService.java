package io.callisto.core.signup;

import io.callisto.core.auth.EmailAddress;
import io.callisto.core.auth.PasswordHasher;
import io.callisto.core.auth.PasswordPolicy;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates a tenant and its first admin in one unit of work. */
public final class SignupService {
    public static final int MAX_SEATS = 10_000;
    public static final String DEFAULT_PLAN = "standard";
    private static final Pattern PLAN = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

    private final Transactions tx;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SignupBilling billing;
    private static final System.Logger LOG = System.getLogger(SignupService.class.getName());
    private final Clock clock;

    public SignupService(Transactions tx, TenantRepository tenants, UserRepository users, PasswordHasher hasher,
                         SignupBilling billing, Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.users = users;
        this.hasher = hasher;
        this.billing = billing;
        this.clock = clock;
    }

    public SignupResult signUp(SignupRequest request) {
        validate(request);
        String email = EmailAddress.normalize(request.adminEmail());
        if (!users.tenantsWithEmail(email).isEmpty()) {
            throw Errors.conflict("duplicate-email", "an account with this email already exists; sign in instead");
        }
        Instant now = clock.instant();
        TenantStatus status = billing.enabled() ? TenantStatus.PENDING_PAYMENT : TenantStatus.ACTIVE;
        int seats = request.seats() == null ? 1 : request.seats();
        TenantId tenantId = TenantId.generate();
        // With billing enabled the lease starts at zero: seats are granted when payment confirms them.
        Tenant tenant = new Tenant(tenantId, request.companyName().trim(), status,
                billing.enabled() ? 0 : seats, request.plan() == null ? DEFAULT_PLAN : request.plan(), now, now);
        String name = request.adminName() == null || request.adminName().isBlank()
                ? email.substring(0, email.indexOf('@')) : request.adminName().trim();
        User admin = new User(tenantId, UserId.generate(), email, name, hasher.hash(request.adminPassword()),
                Set.of(Role.ADMIN), now, now);
        tx.runInTenant(tenantId, () -> {
            tenants.insert(tenant);
            users.insert(tenantId, admin);
        });
        return new SignupResult(tenantId, admin.id(), status, billing.enabled() ? checkout(tenant, email, seats) : null);
    }

    /**
     * The checkout URL, or null when the provider could not be reached: the account exists by then, so the sign-up
     * still succeeds and the admin finishes payment after signing in (the web app offers it while payment is due).
     */
    private String checkout(Tenant tenant, String email, int seats) {
        try {
            return billing.startCheckout(tenant, email, seats);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tenant " + tenant.id() + " signed up, but its checkout could not "
                    + "be started; the admin can start it after signing in", e);
            return null;
        }
    }

    private static void validate(SignupRequest r) {
        Validator v = new Validator()
                .require(r.companyName() != null && !r.companyName().isBlank(), "companyName", "is required")
                .require(r.companyName() == null || r.companyName().length() <= 200, "companyName",
                        "must be at most 200 characters")
                .require(EmailAddress.isValid(r.adminEmail()), "adminEmail", "must be a valid email address")
                .require(r.adminName() == null || r.adminName().length() <= 200, "adminName",
                        "must be at most 200 characters")
                .require(r.seats() == null || (r.seats() >= 1 && r.seats() <= MAX_SEATS), "seats",
                        "must be between 1 and " + MAX_SEATS)
                .require(r.plan() == null || PLAN.matcher(r.plan()).matches(), "plan",
                        "must be lower-case letters, digits and dashes");
        PasswordPolicy.weakness(r.adminPassword(), r.adminEmail()).ifPresent(w -> v.require(false, "adminPassword", w));
        v.throwIfInvalid();
    }
}
