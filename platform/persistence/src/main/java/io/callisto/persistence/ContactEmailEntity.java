package io.callisto.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code contact_emails}: one email of a contact at its place in the contact's list. Tenant scoped
 * like {@link UserEntity}; only queried, never found by id, so the key (contact_id, idx) needs no id class.
 */
@Entity
@Table(name = "contact_emails")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class ContactEmailEntity implements ContactItem {
    @Id
    @Column(name = "contact_id")
    private String contactId;
    @Id
    @Column(name = "idx")
    private int idx;
    @Column(name = "email")
    private String email;

    protected ContactEmailEntity() {
        // for JPA
    }

    ContactEmailEntity(String contactId, int idx, String email) {
        this.contactId = contactId;
        this.idx = idx;
        this.email = email;
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
        return email;
    }

    @Override
    public void value(String value) {
        email = value;
    }
}
