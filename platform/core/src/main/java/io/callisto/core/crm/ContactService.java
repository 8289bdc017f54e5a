package io.callisto.core.crm;

import io.callisto.core.acd.ContactRef;
import io.callisto.core.auth.Caller;
import io.callisto.core.auth.EmailAddress;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's CRM contacts: every role reads and searches them (agents pop them on an offer), admins and
 * supervisors and agents create and edit them (agents note customers as they talk), admins delete them.
 */
public final class ContactService {
    static final int MAX_VALUES = 20;
    static final int MAX_FIELDS = 50;
    private final Transactions tx;
    private final ContactRepository contacts;
    private final Clock clock;

    public ContactService(Transactions tx, ContactRepository contacts, Clock clock) {
        this.tx = tx;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** A new contact or changes to one; null fields are not given. */
    public record ContactInput(String name, List<String> phones, List<String> emails, String company,
                               Map<String, String> fields) {
    }

    public Contact create(Caller caller, ContactInput input) {
        new Validator().require(input.name() != null, "name", "is required").throwIfInvalid();
        Instant now = clock.instant();
        Contact contact = merge(new Contact(Ids.next('c'), "", List.of(), List.of(), null, Map.of(), now, now), input, now);
        tx.runInTenant(caller.tenantId(), () -> contacts.insert(caller.tenantId(), contact));
        return contact;
    }

    public Contact get(Caller caller, String id) {
        return tx.inTenant(caller.tenantId(), () -> contacts.find(caller.tenantId(), id))
                .orElseThrow(() -> Errors.notFound("contact"));
    }

    /** {@code ?q=} text and {@code ?phone=} (written any common way; a phone that is not a number is a 400). */
    public Page<Contact> search(Caller caller, String text, String phone, PageRequest page) {
        String e164 = null;
        if (phone != null) {
            Optional<String> normal = PhoneNumber.normalize(phone);
            if (normal.isEmpty()) {
                throw Errors.invalid("invalid-phone", "phone must be a number in E.164 form, e.g. +15551230000");
            }
            e164 = normal.get();
        }
        String query = text == null || text.isBlank() ? null : text.trim();
        if (query != null && query.length() > 100) {
            throw Errors.invalid("invalid-query", "q is at most 100 characters");
        }
        String number = e164;
        return tx.inTenant(caller.tenantId(), () -> contacts.search(caller.tenantId(), query, number, page));
    }

    public Contact update(Caller caller, String id, ContactInput changes) {
        TenantId tenant = caller.tenantId();
        return tx.inTenant(tenant, () -> {
            Contact current = contacts.find(tenant, id).orElseThrow(() -> Errors.notFound("contact"));
            Contact updated = merge(current, changes, clock.instant());
            contacts.update(tenant, updated);
            return updated;
        });
    }

    public void delete(Caller caller, String id) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        tx.runInTenant(caller.tenantId(), () -> {
            if (!contacts.delete(caller.tenantId(), id)) {
                throw Errors.notFound("contact");
            }
        });
    }

    /** The contact an interaction from this address (a phone number or an email) belongs to, if any. */
    public Optional<ContactRef> match(TenantId tenant, String from) {
        if (from == null || from.isBlank()) {
            return Optional.empty();
        }
        Optional<Contact> found = tx.inTenant(tenant, () -> from.contains("@")
                ? contacts.findByEmail(tenant, EmailAddress.normalize(from))
                : PhoneNumber.normalize(from).flatMap(p -> contacts.findByPhone(tenant, p)));
        return found.map(c -> new ContactRef(c.id(), c.name(), c.company()));
    }

    private static Contact merge(Contact c, ContactInput in, Instant now) {
        Validator v = new Validator();
        String name = in.name() == null ? c.name() : in.name().trim();
        v.require(!name.isEmpty() && name.length() <= 200, "name", "1 to 200 characters");
        List<String> phones = c.phones();
        if (in.phones() != null) {
            v.require(in.phones().size() <= MAX_VALUES, "phones", "at most " + MAX_VALUES);
            LinkedHashSet<String> normal = new LinkedHashSet<>();
            for (int i = 0; i < in.phones().size(); i++) {
                Optional<String> p = PhoneNumber.normalize(in.phones().get(i));
                v.require(p.isPresent(), "phones[" + i + "]", "a phone number in E.164 form, e.g. +15551230000");
                p.ifPresent(normal::add);
            }
            phones = new ArrayList<>(normal);
        }
        List<String> emails = c.emails();
        if (in.emails() != null) {
            v.require(in.emails().size() <= MAX_VALUES, "emails", "at most " + MAX_VALUES);
            LinkedHashSet<String> normal = new LinkedHashSet<>();
            for (int i = 0; i < in.emails().size(); i++) {
                String e = in.emails().get(i);
                v.require(EmailAddress.isValid(e), "emails[" + i + "]", "an email address");
                if (EmailAddress.isValid(e)) {
                    normal.add(EmailAddress.normalize(e));
                }
            }
            emails = new ArrayList<>(normal);
        }
        String company = in.company() == null ? c.company() : in.company().isBlank() ? null : in.company().trim();
        v.require(company == null || company.length() <= 200, "company", "at most 200 characters");
        Map<String, String> fields = in.fields() == null ? c.fields() : in.fields();
        v.require(fields.size() <= MAX_FIELDS, "fields", "at most " + MAX_FIELDS + " fields");
        fields.forEach((k, val) -> v.require(k != null && !k.isBlank() && k.length() <= 64 && val != null
                && val.length() <= 2000, "fields." + k, "names of 1-64 and values of at most 2000 characters"));
        v.throwIfInvalid();
        return new Contact(c.id(), name, phones, emails, company, fields, c.createdAt(), now);
    }
}
