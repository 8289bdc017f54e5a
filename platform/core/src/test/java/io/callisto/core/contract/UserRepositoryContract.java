package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UserRepository contract, including tenant isolation. */
public abstract class UserRepositoryContract {
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = newTenant();
        b = newTenant();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private TenantId newTenant() {
        Tenant t = Fixtures.tenant();
        fx.transactions().runInTenant(t.id(), () -> fx.tenants().insert(t));
        return t.id();
    }

    private User insert(TenantId tenant, String email, Role... roles) {
        User u = Fixtures.user(tenant, email, roles);
        fx.transactions().runInTenant(tenant, () -> fx.users().insert(tenant, u));
        return u;
    }

    @Test
    void findsByIdAndEmailWithinTheTenantOnly() {
        User ann = insert(a, "ann@acme.test", Role.ADMIN, Role.AGENT);

        assertThat(fx.users().find(a, ann.id())).contains(ann);
        assertThat(fx.users().findByEmail(a, "ann@acme.test")).contains(ann);
        assertThat(fx.users().find(b, ann.id())).isEmpty();
        assertThat(fx.users().findByEmail(b, "ann@acme.test")).isEmpty();
    }

    @Test
    void theSameEmailMayExistInTwoTenantsButNotTwiceInOne() {
        insert(a, "sam@acme.test", Role.AGENT);
        insert(b, "sam@acme.test", Role.AGENT);

        assertThat(fx.users().tenantsWithEmail("sam@acme.test")).containsExactlyInAnyOrder(a, b);
        User dup = Fixtures.user(a, "sam@acme.test", Role.AGENT);
        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> fx.users().insert(a, dup)))
                .isInstanceOfSatisfying(CallistoException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.code()).isEqualTo("duplicate-email");
                });
        assertThat(fx.users().find(a, dup.id())).isEmpty();
    }

    @Test
    void listsPageByPageInIdOrderWithoutOtherTenants() {
        List<User> inA = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inA.add(insert(a, "user" + i + "@acme.test", Role.AGENT));
        }
        insert(b, "other@acme.test", Role.AGENT);
        inA.sort(Comparator.comparing(u -> u.id().value()));

        Page<User> first = fx.users().list(a, PageRequest.first(3));
        Page<User> second = fx.users().list(a, new PageRequest(3, first.next()));
        Page<User> third = fx.users().list(a, new PageRequest(3, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(inA.subList(0, 3));
        assertThat(second.items()).containsExactlyElementsOf(inA.subList(3, 6));
        assertThat(third.items()).containsExactlyElementsOf(inA.subList(6, 7));
        assertThat(third.next()).isNull();
    }

    @Test
    void updatesAndDeletesOnlyWithinTheTenant() {
        User ann = insert(a, "ann@acme.test", Role.AGENT);
        User renamed = ann.withProfile("ann.b@acme.test", "Ann B", Set.of(Role.SUPERVISOR), Fixtures.NOW.plusSeconds(5));

        assertThat(fx.users().update(b, renamed)).isFalse();
        assertThat(fx.users().delete(b, ann.id())).isFalse();
        assertThat(fx.users().find(a, ann.id())).contains(ann);

        assertThat(fx.transactions().inTenant(a, () -> fx.users().update(a, renamed))).isTrue();
        assertThat(fx.users().find(a, ann.id())).contains(renamed);
        assertThat(fx.transactions().inTenant(a, () -> fx.users().delete(a, ann.id()))).isTrue();
        assertThat(fx.users().find(a, ann.id())).isEmpty();
    }

    @Test
    void countsUsersWithARolePerTenant() {
        insert(a, "a1@acme.test", Role.ADMIN);
        insert(a, "a2@acme.test", Role.ADMIN, Role.AGENT);
        insert(a, "a3@acme.test", Role.AGENT);
        insert(b, "b1@acme.test", Role.ADMIN);

        assertThat(fx.users().countWithRole(a, Role.ADMIN)).isEqualTo(2);
        assertThat(fx.users().countWithRole(a, Role.AGENT)).isEqualTo(2);
        assertThat(fx.users().countWithRole(b, Role.SUPERVISOR)).isZero();
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        User ann = Fixtures.user(a, "ann@acme.test", Role.ADMIN);
        Tenant extra = Fixtures.tenant();

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            fx.users().insert(a, ann);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThatThrownBy(() -> fx.transactions().runInTenant(extra.id(), () -> {
            fx.tenants().insert(extra);
            fx.users().insert(extra.id(), Fixtures.user(extra.id(), "x@acme.test", Role.ADMIN));
            fx.users().insert(extra.id(), Fixtures.user(extra.id(), "x@acme.test", Role.ADMIN));
        })).isInstanceOf(CallistoException.class);

        assertThat(fx.users().find(a, ann.id())).isEmpty();
        assertThat(fx.tenants().find(extra.id())).isEmpty();
        assertThat(fx.users().tenantsWithEmail("x@acme.test")).isEmpty();
    }

    @Test
    void lockingTheTenantSerializesUnitsOfWork() throws Exception {
        java.util.List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch firstHoldsLock = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> fx.transactions().runInTenant(a, () -> {
                fx.transactions().lockTenant(a);
                firstHoldsLock.countDown();
                order.add("first locked");
                sleepQuietly(300);
                order.add("first done");
            }));
            firstHoldsLock.await();
            var second = pool.submit(() -> fx.transactions().runInTenant(a, () -> {
                fx.transactions().lockTenant(a);
                order.add("second locked");
            }));
            first.get();
            second.get();
        }
        assertThat(order).containsExactly("first locked", "first done", "second locked");
        assertThatThrownBy(() -> fx.transactions().lockTenant(a)).isInstanceOf(IllegalStateException.class);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aUnitOfWorkForOneTenantRefusesAnother() {
        User bob = Fixtures.user(b, "bob@acme.test", Role.AGENT);
        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> fx.users().insert(b, bob)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fx.users().find(b, bob.id())).isEmpty();
    }
}
