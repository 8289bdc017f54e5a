package io.callisto.core.crm;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.Optional;

/** Port: a tenant's CRM contacts. Every call names the tenant; none returns another tenant's contact. */
public interface ContactRepository {
    void insert(TenantId tenant, Contact contact);

    Optional<Contact> find(TenantId tenant, String contactId);

    /** The contact (lowest id when several) with exactly this phone number (E.164). */
    Optional<Contact> findByPhone(TenantId tenant, String e164);

    /** The contact (lowest id when several) with exactly this email (lower-case). */
    Optional<Contact> findByEmail(TenantId tenant, String email);

    /**
     * Ordered by id; the cursor is the last id of the previous page. {@code text}, when given, matches a
     * case-insensitive substring of the name, company or an email; {@code phone} an exact number.
     */
    Page<Contact> search(TenantId tenant, String text, String phone, PageRequest page);

    /** Replaces; false when there is no such contact. */
    boolean update(TenantId tenant, Contact contact);

    boolean delete(TenantId tenant, String contactId);
}
