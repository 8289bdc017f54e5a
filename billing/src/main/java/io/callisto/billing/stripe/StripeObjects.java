package io.callisto.billing.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import io.callisto.billing.ProviderException;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.billing.SubscriptionState;
import java.time.Instant;

/** Stripe objects and errors turned into Callisto's own types. */
final class StripeObjects {
    private StripeObjects() {
    }

    /** The subscription's seat item is its first item (Callisto's subscriptions have one: the seat price). */
    static SubscriptionState subscription(Subscription s) {
        SubscriptionItem item = s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty()
                ? null : s.getItems().getData().getFirst();
        return new SubscriptionState(s.getId(), s.getCustomer(), s.getStatus(), item == null ? null : item.getId(),
                item == null || item.getPrice() == null ? null : item.getPrice().getId(),
                item == null || item.getQuantity() == null ? 0 : Math.toIntExact(item.getQuantity()),
                instant(item == null ? null : item.getCurrentPeriodStart()),
                instant(item == null ? null : item.getCurrentPeriodEnd()), instant(s.getTrialEnd()),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
                s.getMetadata() == null ? null : s.getMetadata().get("tenant_id"));
    }

    static InvoiceRecord invoice(Invoice i) {
        return new InvoiceRecord(i.getId(), i.getNumber(), i.getStatus() == null ? "draft" : i.getStatus(),
                i.getAmountDue() == null ? 0 : i.getAmountDue(), i.getAmountPaid() == null ? 0 : i.getAmountPaid(),
                i.getCurrency() == null ? "usd" : i.getCurrency(), instant(i.getCreated()), i.getHostedInvoiceUrl(),
                i.getInvoicePdf());
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    /** Unreachable, rate limited or failing inside: try later. Anything else: Stripe refused the request itself. */
    static ProviderException failure(StripeException e) {
        Integer status = e.getStatusCode();
        boolean transientFailure = e instanceof ApiConnectionException || e instanceof RateLimitException
                || e instanceof ApiException || status != null && (status == 429 || status >= 500);
        return new ProviderException("Stripe: " + e.getMessage(), transientFailure, e.getCode(), e);
    }
}
