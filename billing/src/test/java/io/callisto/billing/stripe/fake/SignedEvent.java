package io.callisto.billing.stripe.fake;

/**
 * A Stripe event as it would be POSTed to a webhook endpoint: the exact JSON body and its {@code Stripe-Signature} header.
 *
 * @param id              the event id, {@code evt_...}
 * @param type            the event type, e.g. {@code customer.subscription.updated}
 * @param payload         the raw JSON body; verify signatures against exactly this string
 * @param signatureHeader {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}
 */
public record SignedEvent(String id, String type, String payload, String signatureHeader) {

    /** The same event with another signature header (e.g. from {@link WebhookSigner#sign(String, java.time.Instant)}). */
    public SignedEvent withSignature(String header) {
        return new SignedEvent(id, type, payload, header);
    }
}
