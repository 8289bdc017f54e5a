package io.callisto.billing;

import io.callisto.core.auth.Caller;
import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.signup.SignupService;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.user.Role;
import io.callisto.core.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The admin's view of billing (GET /api/v1/billing) and the ways to pay: the Customer Portal and checkout. */
public final class BillingService {
    static final int INVOICES_SHOWN = 24;
    private final BillingStores stores;
    private final UserRepository users;
    private final Optional<PaymentProvider> provider;
    private final Optional<AccountCheckout> checkout;
    private final BillingConfig config;
    private final Clock clock;

    BillingService(BillingStores stores, UserRepository users, PaymentProvider provider, AccountCheckout checkout,
                   BillingConfig config, Clock clock) {
        this.stores = stores;
        this.users = users;
        this.provider = Optional.ofNullable(provider);
        this.checkout = Optional.ofNullable(checkout);
        this.config = config;
        this.clock = clock;
    }

    public BillingOverview overview(Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId id = caller.tenantId();
        int inUse = stores.acd().snapshot(id).seatsInUse();
        return stores.tx().inTenant(id, () -> {
            Tenant tenant = stores.tenants().find(id).orElseThrow(() -> Errors.notFound("tenant"));
            Optional<BillingAccount> account = stores.accounts().find(id);
            Instant now = clock.instant();
            Instant from = account.map(BillingAccount::currentPeriodStart)
                    .orElse(LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay()
                            .toInstant(ZoneOffset.UTC));
            Instant to = account.map(BillingAccount::currentPeriodEnd).orElse(from.atZone(ZoneOffset.UTC)
                    .plusMonths(1).toInstant());
            UsageLedger.Summary usage = stores.usage().summary(id, from, to);
            return new BillingOverview(config.enabled(), tenant.plan(), tenant.status().name(),
                    new BillingOverview.Seats(tenant.seatsLeased(), inUse),
                    account.filter(BillingAccount::hasSubscription).map(BillingService::subscription).orElse(null),
                    account.map(BillingAccount::graceEndsAt).orElse(null),
                    account.map(BillingAccount::retainedUntil).orElse(null),
                    new BillingOverview.Usage(from, to, usage.calls(), usage.minutes(), usage.unreportedMinutes()),
                    stores.invoices().recent(id, INVOICES_SHOWN).stream().map(BillingOverview.Invoice::of).toList(),
                    notices(tenant, account.orElse(null), now));
        });
    }

    private static BillingOverview.Subscription subscription(BillingAccount a) {
        return new BillingOverview.Subscription(a.subscriptionStatus(), a.currentPeriodStart(), a.currentPeriodEnd(),
                a.cancelAtPeriodEnd(), a.trialEndsAt());
    }

    private static List<String> notices(Tenant tenant, BillingAccount account, Instant now) {
        List<String> notices = new ArrayList<>();
        if (account == null) {
            return notices;
        }
        if (tenant.status() == TenantStatus.TRIALING && account.trialEndsAt() != null) {
            notices.add("Your trial ends on " + day(account.trialEndsAt()) + ".");
        }
        if (account.cancelAtPeriodEnd() && account.currentPeriodEnd() != null) {
            notices.add("Your subscription ends on " + day(account.currentPeriodEnd()) + ".");
        }
        if (account.graceEndsAt() != null && account.graceEndsAt().isAfter(now)) {
            notices.add("A payment failed. Update your payment method before " + day(account.graceEndsAt())
                    + " to avoid suspension.");
        }
        if (account.retainedUntil() != null) {
            notices.add("Your data is kept until " + day(account.retainedUntil()) + ", then deleted.");
        }
        if (account.duplicateSubscriptionId() != null) {
            notices.add("A second subscription (" + account.duplicateSubscriptionId() + ") was paid and canceled "
                    + "so that you are not billed twice; contact support for a refund of its first invoice.");
        }
        return notices;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /** A Customer Portal session for the admin to pay, change the payment method, see invoices or cancel. */
    public String portalUrl(Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        PaymentProvider p = provider.orElseThrow(BillingService::disabled);
        TenantId id = caller.tenantId();
        BillingAccount account = stores.tx().inTenant(id, () -> stores.accounts().find(id))
                .orElseThrow(() -> Errors.conflict("no-billing-account", "start with the checkout: the account has "
                        + "no customer at the payment provider yet"));
        return p.portalUrl(account.customerId(), config.publicUrl() + "/admin/billing");
    }

    /**
     * A new checkout for a tenant whose payment was left unfinished at sign-up, for {@code seats} seats (one when
     * not given; the buyer can adjust the quantity on the checkout page).
     */
    public String resumeCheckout(Caller caller, Integer seats) {
        caller.requireAnyRole(Role.ADMIN);
        AccountCheckout c = checkout.orElseThrow(BillingService::disabled);
        TenantId id = caller.tenantId();
        Tenant tenant = stores.tx().inTenant(id, () -> stores.tenants().find(id)).orElseThrow(
                () -> Errors.notFound("tenant"));
        String email = stores.tx().inTenant(id, () -> users.find(id, new UserId(caller.principalId())))
                .map(io.callisto.core.user.User::email).orElseThrow(() -> Errors.forbidden("user-required",
                        "sign in as an admin user (not an API key) to pay"));
        if (seats != null && (seats < 1 || seats > SignupService.MAX_SEATS)) {
            throw Errors.invalid("invalid-seats", "seats must be from 1 to " + SignupService.MAX_SEATS);
        }
        return c.resume(tenant, email, seats == null ? 1 : seats);
    }

    private static RuntimeException disabled() {
        return Errors.conflict("billing-disabled", "billing is not enabled on this server; an operator sets seats");
    }
}
