package io.callisto.persistence;

import io.callisto.core.crm.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code contacts}; tenant scoped like {@link UserEntity}. Phones and emails are rows of their own
 * ({@link ContactPhoneEntity}, {@link ContactEmailEntity}) that the repository keeps in step; custom
 * fields are JSON text. Name and company are also kept lower-cased for the case-insensitive search.
 */
@Entity
@Table(name = "contacts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class ContactEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "name")
    private String name;
    @Column(name = "company")
    private String company;
    @Column(name = "name_lower")
    private String nameLower;
    @Column(name = "company_lower")
    private String companyLower;
    @Column(name = "fields")
    private String fields;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ContactEntity() {
        // for JPA
    }

    ContactEntity(Contact contact) {
        this.id = contact.id();
        copyFrom(contact);
    }

    final void copyFrom(Contact contact) {
        name = contact.name();
        company = contact.company();
        nameLower = lower(contact.name());
        companyLower = contact.company() == null ? null : lower(contact.company());
        fields = JsonText.ofStringMap(contact.fields());
        createdAt = contact.createdAt();
        updatedAt = contact.updatedAt();
    }

    String id() {
        return id;
    }

    /** How the search compares text: the same in Java on every database, whatever its collation. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    Contact toContact(List<String> phones, List<String> emails) {
        return new Contact(id, name, phones, emails, company, JsonText.stringMap(fields), createdAt, updatedAt);
    }
}
