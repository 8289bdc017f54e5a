package io.callisto.billing;

import io.callisto.core.billing.InvoiceRecord;
import java.time.Instant;
import java.util.List;

/** What GET /api/v1/billing answers: the plan, status, seats, subscription, usage this period and invoices. */
public record BillingOverview(boolean enabled, String plan, String status, Seats seats, Subscription subscription,
                              Instant graceEndsAt, Instant retainedUntil, Usage usage, List<Invoice> invoices,
                              List<String> notices) {
    /** Seats leased and in use now. */
    public record Seats(int leased, int inUse) {
    }

    /** The subscription as last reported by the provider. */
    public record Subscription(String status, Instant currentPeriodStart, Instant currentPeriodEnd,
                               boolean cancelAtPeriodEnd, Instant trialEndsAt) {
    }

    /** Calls and billable minutes in the period, and the minutes the provider does not have yet. */
    public record Usage(Instant periodStart, Instant periodEnd, long calls, long minutes, long unreportedMinutes) {
    }

    /** An invoice, amounts in the currency's minor units. */
    public record Invoice(String id, String number, String status, long amountDue, long amountPaid, String currency,
                          Instant createdAt, String hostedInvoiceUrl, String pdfUrl) {
        static Invoice of(InvoiceRecord r) {
            return new Invoice(r.id(), r.number(), r.status(), r.amountDue(), r.amountPaid(), r.currency(),
                    r.createdAt(), r.hostedInvoiceUrl(), r.pdfUrl());
        }
    }
}
