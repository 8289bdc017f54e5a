package io.callisto.persistence;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises constraint violations in the exceptions JPA throws and turns the expected ones into
 * the typed conflicts callers handle. PostgreSQL and H2 share SQLSTATE 23505 for a unique violation,
 * and both name the violated constraint (H2: its index) in the message.
 */
final class Violations {
    static final String UNIQUE_VIOLATION = "23505";
    /** Must match the constraint name in V1__platform.sql. */
    static final String USER_EMAIL_CONSTRAINT = "users_tenant_email_uk";

    private Violations() {
    }

    /** The unique-violation SQLException somewhere in the cause chain, or null. */
    static SQLException uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
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

    static boolean isUniqueViolation(Throwable failure) {
        return uniqueViolation(failure) != null;
    }

    /** A conflict for a unique violation; any other failure unchanged. The detail never echoes the SQL. */
    static RuntimeException translate(RuntimeException failure) {
        SQLException violation = uniqueViolation(failure);
        if (violation == null) {
            return failure;
        }
        String message = String.valueOf(violation.getMessage()).toLowerCase(Locale.ROOT);
        RuntimeException conflict = message.contains(USER_EMAIL_CONSTRAINT)
                ? duplicateEmail()
                : Errors.conflict("duplicate-id", "a record with this id already exists");
        conflict.initCause(failure);
        return conflict;
    }

    static CallistoException duplicateEmail() {
        return Errors.conflict("duplicate-email", "a user with this email already exists");
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
