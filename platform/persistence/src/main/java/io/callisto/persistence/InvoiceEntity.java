package io.callisto.persistence;

import io.callisto.core.billing.InvoiceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Row of {@code billing_invoices}: an invoice as the provider last reported it; tenant scoped like {@link UserEntity}. */
@Entity
@Table(name = "billing_invoices")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class InvoiceEntity {
    @Id
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "number")
    private String number;
    @Column(name = "status")
    private String status;
    @Column(name = "amount_due")
    private long amountDue;
    @Column(name = "amount_paid")
    private long amountPaid;
    @Column(name = "currency")
    private String currency;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "hosted_invoice_url")
    private String hostedInvoiceUrl;
    @Column(name = "pdf_url")
    private String pdfUrl;

    protected InvoiceEntity() {
        // for JPA
    }

    InvoiceEntity(InvoiceRecord invoice) {
        invoiceId = invoice.id();
        copyFrom(invoice);
    }

    final void copyFrom(InvoiceRecord i) {
        number = i.number();
        status = i.status();
        amountDue = i.amountDue();
        amountPaid = i.amountPaid();
        currency = i.currency();
        createdAt = i.createdAt();
        hostedInvoiceUrl = i.hostedInvoiceUrl();
        pdfUrl = i.pdfUrl();
    }

    InvoiceRecord toRecord() {
        return new InvoiceRecord(invoiceId, number, status, amountDue, amountPaid, currency, createdAt, hostedInvoiceUrl,
                pdfUrl);
    }
}
