package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code tenants}. Not multitenant: it is the list of tenants itself. */
@Entity
@Table(name = "tenants")
class TenantEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "company_name")
    private String companyName;
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private TenantStatus status;
    @Column(name = "seats_leased")
    private int seatsLeased;
    @Column(name = "plan")
    private String plan;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TenantEntity() {
        // for JPA
    }

    TenantEntity(Tenant tenant) {
        this.id = tenant.id().value();
        copyFrom(tenant);
    }

    final void copyFrom(Tenant tenant) {
        companyName = tenant.companyName();
        status = tenant.status();
        seatsLeased = tenant.seatsLeased();
        plan = tenant.plan();
        createdAt = tenant.createdAt();
        updatedAt = tenant.updatedAt();
    }

    Tenant toTenant() {
        return new Tenant(new TenantId(id), companyName, status, seatsLeased, plan, createdAt, updatedAt);
    }
}
