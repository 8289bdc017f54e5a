package io.callisto.core.billing;

import java.time.Instant;
import java.util.Objects;

/** An invoice as the payment provider last reported it; amounts in the currency's minor units. */
public record InvoiceRecord(String id, String number, String status, long amountDue, long amountPaid, String currency,
                            Instant createdAt, String hostedInvoiceUrl, String pdfUrl) {
    public InvoiceRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(createdAt);
    }
}
