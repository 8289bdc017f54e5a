package io.callisto.core.testing;

import io.callisto.core.crm.Contact;
import io.callisto.core.crm.ContactRepository;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** ContactRepository over the in-memory store. */
public final class InMemoryContactRepository implements ContactRepository {
    private final InMemoryStore store;

    InMemoryContactRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, Contact contact) {
        store.access(tenant, () -> {
            if (store.contacts.putIfAbsent(new Owned(tenant, contact.id()), contact) != null) {
                throw Errors.conflict("duplicate-id", "a record with this id already exists");
            }
            return null;
        });
    }

    @Override
    public Optional<Contact> find(TenantId tenant, String contactId) {
        return store.access(tenant, () -> Optional.ofNullable(store.contacts.get(new Owned(tenant, contactId))));
    }

    @Override
    public Optional<Contact> findByPhone(TenantId tenant, String e164) {
        return first(tenant, c -> c.phones().contains(e164));
    }

    @Override
    public Optional<Contact> findByEmail(TenantId tenant, String email) {
        return first(tenant, c -> c.emails().contains(email));
    }

    private Optional<Contact> first(TenantId tenant, Predicate<Contact> which) {
        return store.access(tenant, () -> InMemoryStore.ofTenant(store.contacts, tenant)
                .filter(which).min(Comparator.comparing(Contact::id)));
    }

    @Override
    public Page<Contact> search(TenantId tenant, String text, String phone, PageRequest page) {
        String needle = text == null ? null : lower(text);
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.contacts, tenant)
                .filter(c -> needle == null || matches(c, needle))
                .filter(c -> phone == null || c.phones().contains(phone))
                .filter(c -> page.after() == null || c.id().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(Contact::id))
                .limit(page.limit() + 1L).toList(), page.limit(), Contact::id));
    }

    private static boolean matches(Contact c, String needle) {
        return lower(c.name()).contains(needle)
                || c.company() != null && lower(c.company()).contains(needle)
                || c.emails().stream().anyMatch(e -> lower(e).contains(needle));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean update(TenantId tenant, Contact contact) {
        return store.access(tenant, () -> store.contacts.replace(new Owned(tenant, contact.id()), contact) != null);
    }

    @Override
    public boolean delete(TenantId tenant, String contactId) {
        return store.access(tenant, () -> store.contacts.remove(new Owned(tenant, contactId)) != null);
    }
}
