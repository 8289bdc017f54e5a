package io.callisto.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code contact_phones}: one phone of a contact at its place in the contact's list. Tenant scoped
 * like {@link UserEntity}; only queried, never found by id, so the key (contact_id, idx) needs no id class.
 */
@Entity
@Table(name = "contact_phones")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class ContactPhoneEntity implements ContactItem {
    @Id
    @Column(name = "contact_id")
    private String contactId;
    @Id
    @Column(name = "idx")
    private int idx;
    @Column(name = "phone")
    private String phone;

    protected ContactPhoneEntity() {
        // for JPA
    }

    ContactPhoneEntity(String contactId, int idx, String phone) {
        this.contactId = contactId;
        this.idx = idx;
        this.phone = phone;
    }

    @Override
    public String contactId() {
        return contactId;
    }

    @Override
    public int idx() {
        return idx;
    }

    @Override
    public String value() {
        return phone;
    }

    @Override
    public void value(String value) {
        phone = value;
    }
}
