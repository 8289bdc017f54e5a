package io.callisto.persistence;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.telephony.TelephonyErrors;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recognises constraint violations in the exceptions JPA throws and turns the expected ones into
 * the typed conflicts callers handle. PostgreSQL and H2 share SQLSTATE 23505 for a unique violation,
 * and both name the violated constraint (H2: its index) in the message.
 */
final class Violations {
    static final String UNIQUE_VIOLATION = "23505";
    /** Must match the constraint name in V1__platform.sql. */
    static final String USER_EMAIL_CONSTRAINT = "users_tenant_email_uk";
    /** Must match the names in V2__acd.sql. H2 names a primary key's index PRIMARY_KEY_n, so callers pass a fallback. */
    static final String AGENT_PK = "agents_pk";
    static final String AGENT_SIP_USERNAME_INDEX = "agents_sip_username_uk";
    static final String QUEUE_NAME_CONSTRAINT = "queues_tenant_name_uk";
    /** Must match the names in V3__billing.sql; both keys of an account mean the same conflict. */
    static final String BILLING_ACCOUNT_PK = "billing_accounts_pk";
    static final String BILLING_CUSTOMER_CONSTRAINT = "billing_accounts_customer_uk";
    static final String WEBHOOK_EVENT_PK = "billing_webhook_events_pk";
    /** Must match the names in V4__telephony.sql. */
    static final String TRUNK_NAME_CONSTRAINT = "trunks_tenant_name_uk";
    static final String NUMBER_E164_CONSTRAINT = "numbers_e164_uk";
    static final String NUMBER_TRUNK_FK = "numbers_trunk_fk";
    static final String NUMBER_QUEUE_FK = "numbers_queue_fk";
    /** A foreign key violation: PostgreSQL says 23503 either way; H2 23503 for a child row left, 23506 for a parent missing. */
    private static final Set<String> FOREIGN_KEY_VIOLATIONS = Set.of("23503", "23506");

    /** The unique constraints callers handle, by name; no name is contained in another. */
    private static final Map<String, Supplier<CallistoException>> KNOWN = Map.of(
            USER_EMAIL_CONSTRAINT, Violations::duplicateEmail,
            AGENT_PK, Violations::duplicateAgent,
            AGENT_SIP_USERNAME_INDEX, Violations::duplicateSipUsername,
            QUEUE_NAME_CONSTRAINT, Violations::duplicateQueueName,
            BILLING_ACCOUNT_PK, Violations::duplicateBillingAccount,
            BILLING_CUSTOMER_CONSTRAINT, Violations::duplicateBillingAccount,
            WEBHOOK_EVENT_PK, Violations::duplicateEvent,
            TRUNK_NAME_CONSTRAINT, TelephonyErrors::duplicateTrunkName,
            NUMBER_E164_CONSTRAINT, TelephonyErrors::numberTaken);

    private Violations() {
    }

    /** The unique-violation SQLException somewhere in the cause chain, or null. */
    static SQLException uniqueViolation(Throwable failure) {
        return violation(failure, Set.of(UNIQUE_VIOLATION));
    }

    /** The SQLException with one of these SQLSTATEs somewhere in the cause chain, or null. */
    private static SQLException violation(Throwable failure, Set<String> states) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (states.contains(s.getSQLState())) {
                        return s;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * A foreign key violation of one of the named constraints turned into the failure given for it (a parent in use,
     * or a child naming a parent that is not there: the caller knows which it is doing); anything else as
     * {@link #translate(RuntimeException)} does.
     */
    static RuntimeException translateForeignKeys(RuntimeException failure,
                                                 Map<String, Supplier<CallistoException>> byConstraint) {
        SQLException violation = violation(failure, FOREIGN_KEY_VIOLATIONS);
        if (violation == null) {
            return translate(failure);
        }
        String message = String.valueOf(violation.getMessage()).toLowerCase(Locale.ROOT);
        return byConstraint.entrySet().stream()
                .filter(known -> message.contains(known.getKey()))
                .map(known -> {
                    RuntimeException mapped = known.getValue().get();
                    mapped.initCause(failure);
                    return mapped;
                })
                .findFirst()
                .orElse(failure);
    }

    static boolean isUniqueViolation(Throwable failure) {
        return uniqueViolation(failure) != null;
    }

    /** A conflict for a unique violation; any other failure unchanged. The detail never echoes the SQL. */
    static RuntimeException translate(RuntimeException failure) {
        return translate(failure, Violations::duplicateId);
    }

    /**
     * As {@link #translate(RuntimeException)}, with the conflict for a violation of no known constraint
     * (in practice the table's primary key, which H2 does not report by the constraint's name).
     */
    static RuntimeException translate(RuntimeException failure, Supplier<CallistoException> otherwise) {
        SQLException violation = uniqueViolation(failure);
        if (violation == null) {
            return failure;
        }
        String message = String.valueOf(violation.getMessage()).toLowerCase(Locale.ROOT);
        RuntimeException conflict = KNOWN.entrySet().stream()
                .filter(known -> message.contains(known.getKey()))
                .map(known -> known.getValue().get())
                .findFirst()
                .orElseGet(otherwise);
        conflict.initCause(failure);
        return conflict;
    }

    static CallistoException duplicateEmail() {
        return Errors.conflict("duplicate-email", "a user with this email already exists");
    }

    static CallistoException duplicateId() {
        return Errors.conflict("duplicate-id", "a record with this id already exists");
    }

    static CallistoException duplicateAgent() {
        return Errors.conflict("duplicate-agent", "this user already is an agent");
    }

    static CallistoException duplicateSipUsername() {
        return Errors.conflict("duplicate-sip-username", "an agent with this SIP username already exists");
    }

    static CallistoException duplicateQueueName() {
        return Errors.conflict("duplicate-queue-name", "a queue with this name already exists");
    }

    static CallistoException duplicateBillingAccount() {
        return Errors.conflict("duplicate-billing-account", "the tenant or the customer already has a billing account");
    }

    static CallistoException duplicateEvent() {
        return Errors.conflict("duplicate-event", "this payment provider event was handled already");
    }

    /**
     * Marks the EntityManager's transaction rollback-only and returns the conflict to throw. A conflict
     * found by a check, before the database refused anything, must doom the unit of work exactly like
     * one the database reports, so callers see one behaviour whichever way it was detected.
     */
    static CallistoException dooming(EntityManager em, CallistoException conflict) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().setRollbackOnly();
        }
        return conflict;
    }
}
