package io.callisto.billing;

import io.callisto.billing.stripe.StripePaymentProvider;
import io.callisto.core.billing.SeatBilling;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.signup.SignupBilling;
import io.callisto.core.user.UserRepository;
import io.callisto.platform.http.JsonBodies;
import java.time.Clock;
import java.time.Duration;

/**
 * Billing, assembled from its configuration: with a Stripe key, checkout at sign-up, billed seat changes, the
 * webhook, usage reporting, dunning and reconciliation; without one, tenants are ACTIVE at sign-up with the seats
 * they asked for, seats are set directly, and the overview says billing is off.
 */
public final class Billing implements AutoCloseable {
    /** How often each job runs. */
    public record Schedule(Duration usage, Duration dunning, Duration reconciliation) {
        public static final Schedule DEFAULT = new Schedule(Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofHours(1));

        /** CALLISTO_BILLING_{USAGE,DUNNING,RECONCILE}_PERIOD (ISO-8601 durations), else the defaults. */
        public static Schedule from(java.util.function.Function<String, String> settings) {
            return new Schedule(period(settings, "CALLISTO_BILLING_USAGE_PERIOD", DEFAULT.usage()),
                    period(settings, "CALLISTO_BILLING_DUNNING_PERIOD", DEFAULT.dunning()),
                    period(settings, "CALLISTO_BILLING_RECONCILE_PERIOD", DEFAULT.reconciliation()));
        }

        private static Duration period(java.util.function.Function<String, String> settings, String name,
                                       Duration defaultValue) {
            String value = settings.apply(name);
            if (value == null || value.isBlank()) {
                return defaultValue;
            }
            try {
                Duration parsed = Duration.parse(value.trim());
                if (parsed.isNegative() || parsed.isZero()) {
                    throw new IllegalArgumentException(name + "=" + value + " is not valid: it must be positive");
                }
                return parsed;
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(name + "=" + value + " is not valid: expected a duration such as PT5S",
                        e);
            }
        }
    }

    private final BillingConfig config;
    private final SignupBilling signup;
    private final SeatBilling seats;
    private final BillingService service;
    private final WebhookProcessor webhooks;
    private final UsageReporter usage;
    private final DunningJob dunning;
    private final SeatReconciler reconciler;
    private BillingJobs jobs;

    private Billing(BillingConfig config, BillingStores stores, UserRepository users, PaymentProvider provider,
                    Clock clock) {
        this.config = config;
        if (provider == null) {
            signup = new DisabledBilling();
            seats = SeatBilling.NONE;
            service = new BillingService(stores, users, null, null, config, clock);
            webhooks = null;
            usage = null;
            dunning = null;
            reconciler = null;
            return;
        }
        SubscriptionProvisioner provisioner = new SubscriptionProvisioner(stores, provider,
                new Entitlements(config.gracePeriod(), config.retention()), clock);
        AccountCheckout checkout = new AccountCheckout(stores, provider, config, clock);
        signup = new CheckoutSignupBilling(checkout);
        seats = new ProviderSeatBilling(stores, provider, clock);
        service = new BillingService(stores, users, provider, checkout, config, clock);
        webhooks = new WebhookProcessor(stores, provider, provisioner, clock);
        usage = config.usageMeter() == null ? null : new UsageReporter(stores, provider, config.usageMeter(), clock);
        dunning = new DunningJob(stores, provisioner, clock);
        reconciler = new SeatReconciler(stores, provider, provisioner);
    }

    /** Billing on Stripe when the configuration has a key, disabled otherwise. */
    public static Billing create(BillingConfig config, BillingStores stores, UserRepository users, Clock clock) {
        PaymentProvider provider = config.enabled()
                ? new StripePaymentProvider(config.apiKey(), config.apiBase(), config.webhookSecret()) : null;
        return new Billing(config, stores, users, provider, clock);
    }


    public boolean enabled() {
        return webhooks != null;
    }

    public SignupBilling signup() {
        return signup;
    }

    public SeatBilling seats() {
        return seats;
    }

    /** Where finished calls' usage goes: the ledger when usage is billed, null when billing is off. */
    public UsageLedger usageLedgerOrNull(UsageLedger ledger) {
        return enabled() ? ledger : null;
    }

    public BillingApi api(JsonBodies bodies) {
        return new BillingApi(service, webhooks, bodies);
    }

    /** Starts the periodic jobs (a no-op when billing is disabled). */
    public Billing startJobs(Schedule schedule) {
        if (!enabled() || jobs != null) {
            return this;
        }
        jobs = new BillingJobs().every(schedule.dunning(), "dunning", dunning::runOnce)
                .every(schedule.reconciliation(), "reconciliation", reconciler::runOnce);
        if (usage != null) {
            jobs.every(schedule.usage(), "usage", usage::runOnce);
        }
        return this;
    }

    WebhookProcessor webhooks() {
        return webhooks;
    }

    UsageReporter usageReporter() {
        return usage;
    }

    DunningJob dunning() {
        return dunning;
    }

    SeatReconciler reconciler() {
        return reconciler;
    }

    BillingService service() {
        return service;
    }

    public BillingConfig config() {
        return config;
    }

    /** One pass of each job now (operators' tools and tests). */
    public String runJobsOnce() {
        if (!enabled()) {
            return "billing disabled";
        }
        return "usage " + (usage == null ? "not metered" : usage.runOnce()) + ", dunning " + dunning.runOnce()
                + ", reconciliation " + reconciler.runOnce();
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
    }
}
