package io.callisto.core.tenant;

/** A tenant's commercial status. Billing drives the transitions; the platform enforces their effect. */
public enum TenantStatus {
    /** Signed up, waiting for the first payment (billing enabled). Admins may sign in to pay. */
    PENDING_PAYMENT,
    /** In a paid trial: works like ACTIVE. */
    TRIALING,
    ACTIVE,
    /** A payment failed; still working during the grace period, admins see a banner. */
    PAST_DUE,
    /** Grace period over: agents may not sign in; admins may, to pay. */
    SUSPENDED,
    /** Subscription ended: nobody signs in; data is kept for the retention period. */
    CANCELED;

    public boolean agentsMayWork() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE;
    }

    public boolean adminsMaySignIn() {
        return this != CANCELED;
    }
}
