package io.callisto.core.signup;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.testing.FakePasswordHasher;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.MutableClock;
import io.callisto.core.testing.StoreContents;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignupServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String PASSWORD = "Correct-Horse-9";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeBilling billing = new FakeBilling();
    private final SignupService service = service(store.users());

    private SignupService service(UserRepository users) {
        return new SignupService(store, store.tenants(), users, new FakePasswordHasher(), billing, clock);
    }

    private static SignupRequest request() {
        return new SignupRequest("Acme Support", "Ann.Lee@Acme.Test", PASSWORD, "Ann Lee", 7, "pro");
    }

    private Tenant storedTenant(TenantId id) {
        return store.tenants().find(id).orElseThrow();
    }

    private User storedUser(TenantId tenant, UserId id) {
        return store.users().find(tenant, id).orElseThrow();
    }

    @Test
    void withBillingDisabledCreatesAnActiveTenantAndItsAdmin() {
        SignupResult result = service.signUp(request());

        assertThat(result.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(result.checkoutUrl()).isNull();
        assertThat(storedTenant(result.tenantId())).isEqualTo(new Tenant(result.tenantId(), "Acme Support",
                TenantStatus.ACTIVE, 7, "pro", NOW, NOW));
        assertThat(storedUser(result.tenantId(), result.adminUserId())).isEqualTo(new User(result.tenantId(),
                result.adminUserId(), "ann.lee@acme.test", "Ann Lee", "hash:" + PASSWORD, Set.of(Role.ADMIN),
                NOW, NOW));
        assertThat(StoreContents.tenants(store)).isEqualTo(1);
        assertThat(StoreContents.users(store)).isEqualTo(1);
        assertThat(billing.checkouts).isEmpty();
    }

    @Test
    void appliesDefaultsForSeatsPlanAndAdminName() {
        SignupResult result = service.signUp(
                new SignupRequest("  Acme  ", " Ann.Lee@ACME.test ", PASSWORD, null, null, null));

        Tenant tenant = storedTenant(result.tenantId());
        assertThat(tenant.companyName()).isEqualTo("Acme");
        assertThat(tenant.seatsLeased()).isEqualTo(1);
        assertThat(tenant.plan()).isEqualTo(SignupService.DEFAULT_PLAN).isEqualTo("standard");
        User admin = storedUser(result.tenantId(), result.adminUserId());
        assertThat(admin.name()).isEqualTo("ann.lee");
        assertThat(admin.email()).isEqualTo("ann.lee@acme.test");
    }

    @Test
    void aBlankAdminNameDefaultsAndAGivenOneIsTrimmed() {
        SignupResult blank = service.signUp(new SignupRequest("A", "bob@acme.test", PASSWORD, "   ", 1, null));
        assertThat(storedUser(blank.tenantId(), blank.adminUserId()).name()).isEqualTo("bob");
        SignupResult padded = service.signUp(new SignupRequest("B", "eve@acme.test", PASSWORD, "  Eve E. ", 1, null));
        assertThat(storedUser(padded.tenantId(), padded.adminUserId()).name()).isEqualTo("Eve E.");
    }

    @Test
    void acceptsTheBoundaryValues() {
        SignupResult result = service.signUp(new SignupRequest("c".repeat(200), "max@acme.test", PASSWORD,
                "n".repeat(200), SignupService.MAX_SEATS, "p" + "-".repeat(38) + "9"));
        Tenant tenant = storedTenant(result.tenantId());
        assertThat(tenant.seatsLeased()).isEqualTo(10_000);
        assertThat(tenant.plan()).hasSize(40);
        assertThat(tenant.companyName()).hasSize(200);
    }

    @Test
    void withBillingEnabledTheTenantWaitsForPaymentWithNoSeats() {
        billing.enabled = true;
        SignupResult result = service.signUp(request());

        assertThat(result.status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        assertThat(result.checkoutUrl()).isEqualTo("https://pay.test/checkout/" + result.tenantId());
        Tenant tenant = storedTenant(result.tenantId());
        assertThat(tenant.status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        assertThat(tenant.seatsLeased()).isZero();
        assertThat(billing.checkouts).containsExactly(new Checkout(tenant, "ann.lee@acme.test", 7, true));
        assertThat(storedUser(result.tenantId(), result.adminUserId()).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void whenCheckoutCannotStartTheSignUpStillStandsAndPaymentWaitsForTheAdmin() {
        billing.enabled = true;
        billing.failing = true;
        SignupResult result = service.signUp(request());

        assertThat(result.status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        assertThat(result.checkoutUrl()).isNull();
        assertThat(storedTenant(result.tenantId()).status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        assertThat(storedUser(result.tenantId(), result.adminUserId()).roles()).containsExactly(Role.ADMIN);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("companyName missing", r -> withCompany(r, null), "companyName"),
                invalid("companyName empty", r -> withCompany(r, ""), "companyName"),
                invalid("companyName blank", r -> withCompany(r, "   "), "companyName"),
                invalid("companyName 201 chars", r -> withCompany(r, "c".repeat(201)), "companyName"),
                invalid("adminEmail missing", r -> withEmail(r, null), "adminEmail"),
                invalid("adminEmail without domain dot", r -> withEmail(r, "ann@acme"), "adminEmail"),
                invalid("adminEmail not an address", r -> withEmail(r, "not-an-email"), "adminEmail"),
                invalid("adminPassword missing", r -> withPassword(r, null), "adminPassword"),
                invalid("adminPassword too short", r -> withPassword(r, "Ab1-xyz"), "adminPassword"),
                invalid("adminPassword common", r -> withPassword(r, "Password123"), "adminPassword"),
                invalid("adminPassword one class", r -> withPassword(r, "correcthorsebattery"), "adminPassword"),
                invalid("adminPassword has email", r -> withPassword(r, "my-Ann.Lee-99"), "adminPassword"),
                invalid("seats 0", r -> withSeats(r, 0), "seats"),
                invalid("seats negative", r -> withSeats(r, -1), "seats"),
                invalid("seats 10001", r -> withSeats(r, 10_001), "seats"),
                invalid("plan upper case", r -> withPlan(r, "Pro"), "plan"),
                invalid("plan empty", r -> withPlan(r, ""), "plan"),
                invalid("plan leading dash", r -> withPlan(r, "-pro"), "plan"),
                invalid("plan underscore", r -> withPlan(r, "pro_plan"), "plan"),
                invalid("plan 41 chars", r -> withPlan(r, "p".repeat(41)), "plan"),
                invalid("adminName 201 chars", r -> with(r.companyName(), r.adminEmail(), r.adminPassword(), r.seats(),
                        r.plan(), "n".repeat(201)), "adminName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsAnInvalidFieldAndStoresNothing(String label, UnaryOperator<SignupRequest> change, String field) {
        SignupRequest bad = change.apply(request());
        assertThat(invalidFields(() -> service.signUp(bad))).containsExactly(field);
        assertThat(StoreContents.tenants(store)).isZero();
        assertThat(StoreContents.users(store)).isZero();
        assertThat(billing.checkouts).isEmpty();
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        SignupRequest bad = new SignupRequest(null, "nope", "short", "n".repeat(201), 0, "BAD");
        assertThat(invalidFields(() -> service.signUp(bad)))
                .containsExactlyInAnyOrder("companyName", "adminEmail", "adminPassword", "seats", "plan", "adminName");
        assertThat(StoreContents.tenants(store)).isZero();
    }

    @Test
    void anEmailAlreadySignedUpInAnyCaseIsADuplicate() {
        service.signUp(request());
        SignupRequest again = new SignupRequest("Other Co", "  ANN.LEE@acme.TEST", "Another-Pass-1", null, 2, null);

        assertFails(() -> service.signUp(again), ErrorKind.CONFLICT, "duplicate-email");
        assertThat(StoreContents.tenants(store)).isEqualTo(1);
        assertThat(StoreContents.users(store)).isEqualTo(1);
    }

    @Test
    void whenTheAdminCannotBeStoredTheTenantIsNotStoredEither() {
        billing.enabled = true;
        SignupService failing = service(new FailingInsertUsers(store.users()));

        assertThatThrownBy(() -> failing.signUp(request()))
                .isInstanceOf(IllegalStateException.class).hasMessage("insert failed");
        assertThat(StoreContents.tenants(store)).isZero();
        assertThat(StoreContents.users(store)).isZero();
        assertThat(billing.checkouts).isEmpty();
    }

    private static Arguments invalid(String label, UnaryOperator<SignupRequest> change, String field) {
        return Arguments.of(label, change, field);
    }

    private static SignupRequest with(String company, String email, String password, Integer seats, String plan,
                                      String name) {
        return new SignupRequest(company, email, password, name, seats, plan);
    }

    private static SignupRequest withCompany(SignupRequest r, String company) {
        return with(company, r.adminEmail(), r.adminPassword(), r.seats(), r.plan(), r.adminName());
    }

    private static SignupRequest withEmail(SignupRequest r, String email) {
        return with(r.companyName(), email, r.adminPassword(), r.seats(), r.plan(), r.adminName());
    }

    private static SignupRequest withPassword(SignupRequest r, String password) {
        return with(r.companyName(), r.adminEmail(), password, r.seats(), r.plan(), r.adminName());
    }

    private static SignupRequest withSeats(SignupRequest r, Integer seats) {
        return with(r.companyName(), r.adminEmail(), r.adminPassword(), seats, r.plan(), r.adminName());
    }

    private static SignupRequest withPlan(SignupRequest r, String plan) {
        return with(r.companyName(), r.adminEmail(), r.adminPassword(), r.seats(), plan, r.adminName());
    }

    /** A checkout the fake billing was asked for, and whether the tenant was already stored then. */
    private record Checkout(Tenant tenant, String adminEmail, int seats, boolean tenantStored) {
    }

    /** Billing that records checkouts and returns a predictable URL. */
    private final class FakeBilling implements SignupBilling {
        private final List<Checkout> checkouts = new ArrayList<>();
        private boolean enabled;
        private boolean failing;

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public String startCheckout(Tenant tenant, String adminEmail, int seats) {
            if (failing) {
                throw new IllegalStateException("the payment provider is unreachable");
            }
            checkouts.add(new Checkout(tenant, adminEmail, seats, store.tenants().find(tenant.id()).isPresent()));
            return "https://pay.test/checkout/" + tenant.id();
        }
    }

    /** A UserRepository whose insert fails, as a database constraint or outage would. */
    private record FailingInsertUsers(UserRepository delegate) implements UserRepository {
        @Override
        public void insert(TenantId tenant, User user) {
            throw new IllegalStateException("insert failed");
        }

        @Override
        public Optional<User> find(TenantId tenant, UserId id) {
            return delegate.find(tenant, id);
        }

        @Override
        public Optional<User> findByEmail(TenantId tenant, String email) {
            return delegate.findByEmail(tenant, email);
        }

        @Override
        public Page<User> list(TenantId tenant, PageRequest page) {
            return delegate.list(tenant, page);
        }

        @Override
        public boolean update(TenantId tenant, User user) {
            return delegate.update(tenant, user);
        }

        @Override
        public boolean delete(TenantId tenant, UserId id) {
            return delegate.delete(tenant, id);
        }

        @Override
        public long countWithRole(TenantId tenant, Role role) {
            return delegate.countWithRole(tenant, role);
        }

        @Override
        public List<TenantId> tenantsWithEmail(String email) {
            return delegate.tenantsWithEmail(email);
        }
    }
}
