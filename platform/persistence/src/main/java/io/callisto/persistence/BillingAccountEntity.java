package io.callisto.persistence;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of {@code billing_accounts}. Deliberately NOT multitenant, unlike the other tenant-owned rows: the table is
 * keyed by the tenant alone, and a multitenant entity cannot map its discriminator column as the id (it would be
 * found by another tenant's id, past the filter; see {@link TenantSettingEntity}). Keying it by the customer
 * instead would make the account's customer immutable and still need unfiltered SQL for the jobs' cross-tenant
 * queries. So the tenant is a plain id column, and {@link JpaBillingAccounts} reaches this entity only through
 * {@code JpaTransactions.global} after {@code requireUnitTenant} (as {@link JpaTenantRepository} does for
 * {@link TenantEntity}): inside a unit of work only the unit's own account can be read or written, and the
 * cross-tenant lookups are ordinary JPQL outside one.
 */
@Entity
@Table(name = "billing_accounts")
class BillingAccountEntity {
    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "customer_id")
    private String customerId;
    @Column(name = "subscription_id")
    private String subscriptionId;
    @Column(name = "subscription_item_id")
    private String subscriptionItemId;
    @Column(name = "price_id")
    private String priceId;
    @Column(name = "subscription_status")
    private String subscriptionStatus;
    @Column(name = "seat_quantity")
    private int seatQuantity;
    @Column(name = "current_period_start")
    private Instant currentPeriodStart;
    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;
    @Column(name = "trial_ends_at")
    private Instant trialEndsAt;
    @Column(name = "cancel_at_period_end")
    private boolean cancelAtPeriodEnd;
    @Column(name = "grace_ends_at")
    private Instant graceEndsAt;
    @Column(name = "retained_until")
    private Instant retainedUntil;
    @Column(name = "checkout_attempts")
    private int checkoutAttempts;
    @Column(name = "seat_changes")
    private long seatChanges;
    @Column(name = "duplicate_subscription_id")
    private String duplicateSubscriptionId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected BillingAccountEntity() {
        // for JPA
    }

    BillingAccountEntity(BillingAccount account) {
        tenantId = account.tenantId().value();
        copyFrom(account);
    }

    /** Every field but the tenant, which is the id. */
    final void copyFrom(BillingAccount a) {
        customerId = a.customerId();
        subscriptionId = a.subscriptionId();
        subscriptionItemId = a.subscriptionItemId();
        priceId = a.priceId();
        subscriptionStatus = a.subscriptionStatus();
        seatQuantity = a.seatQuantity();
        currentPeriodStart = a.currentPeriodStart();
        currentPeriodEnd = a.currentPeriodEnd();
        trialEndsAt = a.trialEndsAt();
        cancelAtPeriodEnd = a.cancelAtPeriodEnd();
        graceEndsAt = a.graceEndsAt();
        retainedUntil = a.retainedUntil();
        checkoutAttempts = a.checkoutAttempts();
        seatChanges = a.seatChanges();
        duplicateSubscriptionId = a.duplicateSubscriptionId();
        createdAt = a.createdAt();
        updatedAt = a.updatedAt();
    }

    BillingAccount toAccount() {
        return new BillingAccount(new TenantId(tenantId), customerId, subscriptionId, subscriptionItemId, priceId,
                subscriptionStatus, seatQuantity, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd,
                graceEndsAt, retainedUntil, checkoutAttempts, seatChanges, duplicateSubscriptionId, createdAt, updatedAt);
    }
}
