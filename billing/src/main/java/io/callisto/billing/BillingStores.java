package io.callisto.billing;

import io.callisto.core.billing.BillingAccountRepository;
import io.callisto.core.billing.InvoiceLedger;
import io.callisto.core.billing.TenantPurge;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.billing.WebhookInbox;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;

/** The stores and the live ACD billing works on, as one parameter. */
public record BillingStores(Transactions tx, TenantRepository tenants, BillingAccountRepository accounts,
                            WebhookInbox inbox, UsageLedger usage, InvoiceLedger invoices, TenantPurge purge,
                            LiveAcd acd) {
}
