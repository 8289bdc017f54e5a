package io.callisto.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code tenant_settings}: one named per-tenant setting as JSON text; tenant scoped like
 * {@link UserEntity}. The id is the setting's name, never the tenant column: an entity whose id mapped the
 * discriminator column would be found by another tenant's id, past the ORM's tenant filter.
 */
@Entity
@Table(name = "tenant_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class TenantSettingEntity {
    /** The tenant's list of away reasons. */
    static final String AWAY_REASONS = "away-reasons";

    @Id
    @Column(name = "name")
    private String name;
    @Column(name = "content")
    private String content;

    protected TenantSettingEntity() {
        // for JPA
    }

    TenantSettingEntity(String name, String content) {
        this.name = name;
        this.content = content;
    }

    String content() {
        return content;
    }

    void content(String json) {
        content = json;
    }
}
