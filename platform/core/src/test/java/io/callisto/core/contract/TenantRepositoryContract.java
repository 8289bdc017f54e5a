package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TenantRepository contract; each implementation runs it by subclassing. */
public abstract class TenantRepositoryContract {
    protected RepositoryFixture fx;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void storesAndFindsATenant() {
        Tenant t = Fixtures.tenant();
        fx.transactions().runInTenant(t.id(), () -> fx.tenants().insert(t));

        assertThat(fx.tenants().find(t.id())).contains(t);
        assertThat(fx.tenants().find(TenantId.generate())).isEmpty();
    }

    @Test
    void updatesStatusAndSeats() {
        Tenant t = Fixtures.tenant();
        fx.transactions().runInTenant(t.id(), () -> fx.tenants().insert(t));
        Tenant changed = t.withStatus(TenantStatus.PAST_DUE, Fixtures.NOW.plusSeconds(60))
                .withSeatsLeased(12, Fixtures.NOW.plusSeconds(60));

        assertThat(fx.transactions().inTenant(t.id(), () -> fx.tenants().update(changed))).isTrue();

        assertThat(fx.tenants().find(t.id())).contains(changed);
    }

    @Test
    void updateOfAnUnknownTenantChangesNothing() {
        Tenant ghost = Fixtures.tenant();
        assertThat(fx.tenants().update(ghost)).isFalse();
        assertThat(fx.tenants().find(ghost.id())).isEmpty();
    }
}
