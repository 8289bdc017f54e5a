package io.callisto.billing.stripe.fake;

/** A snapshot of an invoice held by {@link FakeStripe}. Amounts are in cents. */
public record FakeInvoice(String id, String customer, String subscription, String status, long amountDue, long amountPaid,
                          long attemptCount, String billingReason) {
}
