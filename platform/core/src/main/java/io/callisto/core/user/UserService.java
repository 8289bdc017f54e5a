package io.callisto.core.user;

import io.callisto.core.auth.Caller;
import io.callisto.core.auth.EmailAddress;
import io.callisto.core.auth.PasswordHasher;
import io.callisto.core.auth.PasswordPolicy;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * A tenant's users. Admins manage everyone; supervisors may read; every user may read and update
 * their own name and password. A tenant always keeps at least one admin.
 */
public final class UserService {
    private final Transactions tx;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(Transactions tx, UserRepository users, RefreshTokenRepository refreshTokens,
                       PasswordHasher hasher, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Fields of a new user. */
    public record NewUser(String email, String name, String password, Set<Role> roles) {
        @Override
        public String toString() {
            return "NewUser[" + email + "]";
        }
    }

    /**
     * A partial update: null fields stay as they are. Changing one's own password needs the current one, so a
     * stolen access token cannot be turned into a permanent takeover.
     */
    public record UserChanges(String email, String name, String password, Set<Role> roles, String currentPassword) {
        public UserChanges(String email, String name, String password, Set<Role> roles) {
            this(email, name, password, roles, null);
        }

        @Override
        public String toString() {
            return "UserChanges[" + email + "]";
        }
    }

    public User create(Caller caller, NewUser input) {
        caller.requireAnyRole(Role.ADMIN);
        UserValidation.validateNew(input);
        TenantId tenant = caller.tenantId();
        Instant now = clock.instant();
        User user = new User(tenant, UserId.generate(), EmailAddress.normalize(input.email()),
                UserValidation.nameOrDefault(input.name(), EmailAddress.normalize(input.email())),
                hasher.hash(input.password()),
                input.roles(), now, now);
        tx.runInTenant(tenant, () -> {
            if (users.findByEmail(tenant, user.email()).isPresent()) {
                throw Errors.conflict("duplicate-email", "a user with this email already exists");
            }
            users.insert(tenant, user);
        });
        return user;
    }

    public Page<User> list(Caller caller, PageRequest page) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return tx.inTenant(caller.tenantId(), () -> users.list(caller.tenantId(), page));
    }

    public User get(Caller caller, UserId id) {
        if (!caller.isUser(id.value())) {
            caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        }
        return tx.inTenant(caller.tenantId(), () -> users.find(caller.tenantId(), id))
                .orElseThrow(() -> Errors.notFound("user"));
    }

    public User update(Caller caller, UserId id, UserChanges changes) {
        boolean self = caller.isUser(id.value());
        if (!self || changes.roles() != null || changes.email() != null) {
            caller.requireAnyRole(Role.ADMIN);
        }
        TenantId tenant = caller.tenantId();
        // Hash before the unit of work: Argon2 takes tens of milliseconds and should not hold a connection.
        String newHash = changes.password() == null || PasswordPolicy.weakness(changes.password(), null).isPresent()
                ? null : hasher.hash(changes.password());
        return tx.inTenant(tenant, () -> {
            User current = users.find(tenant, id).orElseThrow(() -> Errors.notFound("user"));
            UserValidation.validateChanges(changes, current.email());
            if (self && changes.password() != null) {
                requireCurrentPassword(changes.currentPassword(), current);
            }
            Instant now = clock.instant();
            String email = changes.email() == null ? current.email() : EmailAddress.normalize(changes.email());
            if (!email.equals(current.email()) && users.findByEmail(tenant, email).isPresent()) {
                throw Errors.conflict("duplicate-email", "a user with this email already exists");
            }
            Set<Role> roles = changes.roles() == null ? current.roles() : changes.roles();
            if (current.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                requireAnotherAdmin(tenant);
            }
            String name = changes.name() == null ? current.name() : changes.name().trim();
            User updated = current.withProfile(email, name, roles, now);
            if (changes.password() != null) {
                updated = updated.withPasswordHash(newHash, now);
                refreshTokens.revokeAllOfUser(tenant, id, now);
            }
            users.update(tenant, updated);
            return updated;
        });
    }

    public void delete(Caller caller, UserId id) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        tx.runInTenant(tenant, () -> {
            User current = users.find(tenant, id).orElseThrow(() -> Errors.notFound("user"));
            if (current.hasRole(Role.ADMIN)) {
                requireAnotherAdmin(tenant);
            }
            refreshTokens.revokeAllOfUser(tenant, id, clock.instant());
            users.delete(tenant, id);
        });
    }

    private void requireCurrentPassword(String currentPassword, User user) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw Errors.invalid(java.util.List.of(new io.callisto.core.error.CallistoException.FieldError(
                    "currentPassword", "is required to change your own password")));
        }
        if (currentPassword.length() > PasswordPolicy.MAX_LENGTH || !hasher.matches(currentPassword, user.passwordHash())) {
            throw Errors.forbidden("wrong-current-password", "the current password is wrong");
        }
    }

    private void requireAnotherAdmin(TenantId tenant) {
        // Two admins demoting each other at once must not both see the other as the remaining admin.
        tx.lockTenant(tenant);
        if (users.countWithRole(tenant, Role.ADMIN) <= 1) {
            throw Errors.conflict("last-admin", "a tenant must keep at least one admin");
        }
    }

    /** Input rules shared by create and update. */
    static final class UserValidation {
        private UserValidation() {
        }

        static void validateNew(NewUser input) {
            Validator v = new Validator()
                    .require(EmailAddress.isValid(input.email()), "email", "must be a valid email address")
                    .require(input.name() == null || validName(input.name()), "name", "must be 1-200 characters")
                    .require(input.roles() != null && !input.roles().isEmpty(), "roles", "must name at least one role");
            PasswordPolicy.weakness(input.password(), input.email())
                    .ifPresent(w -> v.require(false, "password", w));
            v.throwIfInvalid();
        }

        static void validateChanges(UserChanges changes, String currentEmail) {
            Validator v = new Validator()
                    .require(changes.email() == null || EmailAddress.isValid(changes.email()), "email",
                            "must be a valid email address")
                    .require(changes.name() == null || validName(changes.name()), "name", "must be 1-200 characters")
                    .require(changes.roles() == null || !changes.roles().isEmpty(), "roles", "must name at least one role");
            if (changes.password() != null) {
                String email = changes.email() == null ? currentEmail : changes.email();
                PasswordPolicy.weakness(changes.password(), email).ifPresent(w -> v.require(false, "password", w));
            }
            v.throwIfInvalid();
        }

        static boolean validName(String name) {
            return !name.isBlank() && name.length() <= 200;
        }

        static String nameOrDefault(String name, String email) {
            if (name != null && !name.isBlank()) {
                return name.trim();
            }
            return email.substring(0, email.indexOf('@'));
        }
    }
}
