package io.callisto.billing;

import io.callisto.billing.PaymentProvider.ProviderEvent;
import io.callisto.billing.PaymentProvider.ProviderInvoice;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.billing.WebhookInbox.Receipt;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Handles the provider's webhooks. The signature is verified on the raw body; the event's object is never taken
 * from the payload (it may be stale or out of order) but fetched from the provider now; the event's receipt is
 * stored in the same unit of work as its effect, so an event delivered twice is applied once. Events of types we
 * do not handle, or about customers that are not ours, are acknowledged and change nothing.
 */
public final class WebhookProcessor {
    private static final System.Logger LOG = System.getLogger(WebhookProcessor.class.getName());
    static final Set<String> SUBSCRIPTION_EVENTS = Set.of("customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.trial_will_end");
    static final Set<String> INVOICE_EVENTS = Set.of("invoice.paid", "invoice.payment_failed");
    static final String CHECKOUT_COMPLETED = "checkout.session.completed";

    private final BillingStores stores;
    private final PaymentProvider provider;
    private final SubscriptionProvisioner provisioner;
    private final Clock clock;

    WebhookProcessor(BillingStores stores, PaymentProvider provider, SubscriptionProvisioner provisioner, Clock clock) {
        this.stores = stores;
        this.provider = provider;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    /** What became of an event. */
    public record Result(String eventId, String type, String outcome, boolean duplicate) {
    }

    /**
     * Verifies and applies one delivery. Throws {@link InvalidSignatureException} for a bad signature and
     * {@link ProviderException} when the provider cannot be asked now (the provider then delivers again).
     */
    public Result handle(String payload, String signatureHeader) {
        ProviderEvent event = provider.verify(payload, signatureHeader);
        if (stores.inbox().contains(event.id())) {
            return new Result(event.id(), event.type(), "already handled", true);
        }
        Optional<Effect> effect = effectOf(event);
        if (effect.isEmpty()) {
            return new Result(event.id(), event.type(), "ignored", false);
        }
        TenantId tenant = effect.get().tenant();
        try {
            String outcome = stores.tx().inTenant(tenant, () -> {
                String done = effect.get().apply();
                stores.inbox().add(tenant, new Receipt(event.id(), event.type(), event.createdAt(), clock.instant(),
                        done.length() > 200 ? done.substring(0, 200) : done));
                return done;
            });
            LOG.log(System.Logger.Level.INFO, "billing event {0} ({1}) for tenant {2}: {3}", event.id(), event.type(),
                    tenant, outcome);
            return new Result(event.id(), event.type(), outcome, false);
        } catch (CallistoException e) {
            provisioner.compensate(tenant);
            if (e.kind() == ErrorKind.CONFLICT && "duplicate-event".equals(e.code())) {
                // delivered twice at once: the other delivery applied it
                return new Result(event.id(), event.type(), "already handled", true);
            }
            throw e;
        } catch (RuntimeException e) {
            provisioner.compensate(tenant);
            throw e;
        }
    }

    /** What an event does, for which tenant; the provider is asked for the current state before the unit starts. */
    private record Effect(TenantId tenant, java.util.function.Supplier<String> work) {
        String apply() {
            return work.get();
        }
    }

    private Optional<Effect> effectOf(ProviderEvent event) {
        if (SUBSCRIPTION_EVENTS.contains(event.type())) {
            return provider.subscription(event.objectId()).flatMap(s -> tenantOf(s.customerId())
                    .map(t -> new Effect(t, () -> provisioner.apply(t, s, false))));
        }
        if (INVOICE_EVENTS.contains(event.type())) {
            return provider.invoice(event.objectId()).flatMap(this::invoiceEffect);
        }
        if (CHECKOUT_COMPLETED.equals(event.type())) {
            return provider.checkout(event.objectId()).flatMap(this::checkoutEffect);
        }
        return Optional.empty();
    }

    private Optional<Effect> invoiceEffect(ProviderInvoice invoice) {
        Optional<TenantId> tenant = tenantOf(invoice.customerId());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TenantId t = tenant.get();
        Optional<SubscriptionState> subscription = invoice.subscriptionId() == null ? Optional.empty()
                : provider.subscription(invoice.subscriptionId());
        // A failed payment counts while the invoice is still open now, however late its event arrives.
        boolean failing = "open".equals(invoice.invoice().status()) && invoice.attemptCount() > 0;
        return Optional.of(new Effect(t, () -> {
            stores.invoices().upsert(t, invoice.invoice());
            String invoiceDone = "invoice " + invoice.invoice().id() + " " + invoice.invoice().status();
            return subscription.map(s -> invoiceDone + "; " + provisioner.apply(t, s, failing)).orElse(invoiceDone);
        }));
    }

    private Optional<Effect> checkoutEffect(PaymentProvider.CheckoutOutcome checkout) {
        Optional<TenantId> tenant = tenantOf(checkout.customerId());
        if (tenant.isEmpty() || !checkout.complete() || checkout.subscriptionId() == null) {
            return Optional.empty();
        }
        TenantId t = tenant.get();
        if (checkout.tenantReference() != null && !checkout.tenantReference().equals(t.value())) {
            LOG.log(System.Logger.Level.WARNING, "checkout {0} names tenant {1} but its customer is tenant {2}; ignored",
                    checkout.sessionId(), checkout.tenantReference(), t);
            return Optional.empty();
        }
        return provider.subscription(checkout.subscriptionId())
                .map(s -> new Effect(t, () -> provisioner.apply(t, s, false)));
    }

    private Optional<TenantId> tenantOf(String customerId) {
        return customerId == null ? Optional.empty() : stores.accounts().tenantOfCustomer(customerId);
    }
}
