package io.callisto.persistence;

import io.callisto.core.crm.Contact;
import io.callisto.core.crm.ContactRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ContactRepository on JPA. A contact is its row plus its phone and email rows, which this class keeps in
 * step (the tables have no ORM relationship, so each write flushes the parent before its children and the
 * children before deleting the parent). A page of contacts reads its phones and emails in one query each.
 */
final class JpaContactRepository implements ContactRepository {
    /** LIKE's escape character in the search; the search text's own wildcards are escaped with it. */
    private static final char ESCAPE = '!';
    private final JpaTransactions tx;

    JpaContactRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, Contact contact) {
        tx.tenant(tenant, em -> {
            if (em.find(ContactEntity.class, contact.id()) != null) {
                throw Violations.dooming(em, Violations.duplicateId());
            }
            em.persist(new ContactEntity(contact));
            flush(em);
            sync(em, ContactPhoneEntity.class, contact.id(), contact.phones(), ContactPhoneEntity::new);
            sync(em, ContactEmailEntity.class, contact.id(), contact.emails(), ContactEmailEntity::new);
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<Contact> find(TenantId tenant, String contactId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(ContactEntity.class, contactId))
                .map(c -> withItems(em, List.of(c)).getFirst()));
    }

    @Override
    public Optional<Contact> findByPhone(TenantId tenant, String e164) {
        return findByItem(tenant, ContactPhoneEntity.class, "phone", e164);
    }

    @Override
    public Optional<Contact> findByEmail(TenantId tenant, String email) {
        return findByItem(tenant, ContactEmailEntity.class, "email", email);
    }

    private Optional<Contact> findByItem(TenantId tenant, Class<? extends ContactItem> type, String column, String value) {
        return tx.tenant(tenant, em -> em.createQuery("select i.contactId from " + type.getSimpleName() + " i where i."
                        + column + " = :value order by i.contactId", String.class)
                .setParameter("value", value)
                .setMaxResults(1)
                .getResultStream().findFirst()
                .map(id -> em.find(ContactEntity.class, id))
                .map(c -> withItems(em, List.of(c)).getFirst()));
    }

    @Override
    public Page<Contact> search(TenantId tenant, String text, String phone, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (text != null) {
            conditions.add("(c.nameLower like :text escape '" + ESCAPE + "' or c.companyLower like :text escape '" + ESCAPE
                    + "' or exists (select e from ContactEmailEntity e where e.contactId = c.id and lower(e.email) like :text"
                    + " escape '" + ESCAPE + "'))");
            parameters.put("text", "%" + escapeLike(ContactEntity.lower(text)) + "%");
        }
        if (phone != null) {
            conditions.add("exists (select p from ContactPhoneEntity p where p.contactId = c.id and p.phone = :phone)");
            parameters.put("phone", phone);
        }
        if (page.after() != null) {
            conditions.add("c.id > :after");
            parameters.put("after", page.after());
        }
        String jpql = "select c from ContactEntity c"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by c.id";
        return tx.tenant(tenant, em -> {
            TypedQuery<ContactEntity> query = em.createQuery(jpql, ContactEntity.class);
            parameters.forEach(query::setParameter);
            List<Contact> fetched = withItems(em, query.setMaxResults(page.limit() + 1).getResultList());
            return Page.ofFetched(fetched, page.limit(), Contact::id);
        });
    }

    @Override
    public boolean update(TenantId tenant, Contact contact) {
        return tx.tenant(tenant, em -> {
            ContactEntity entity = em.find(ContactEntity.class, contact.id());
            if (entity == null) {
                return false;
            }
            entity.copyFrom(contact);
            sync(em, ContactPhoneEntity.class, contact.id(), contact.phones(), ContactPhoneEntity::new);
            sync(em, ContactEmailEntity.class, contact.id(), contact.emails(), ContactEmailEntity::new);
            flush(em);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String contactId) {
        return tx.tenant(tenant, em -> {
            ContactEntity entity = em.find(ContactEntity.class, contactId);
            if (entity == null) {
                return false;
            }
            sync(em, ContactPhoneEntity.class, contactId, List.of(), ContactPhoneEntity::new);
            sync(em, ContactEmailEntity.class, contactId, List.of(), ContactEmailEntity::new);
            em.flush();
            em.remove(entity);
            em.flush();
            return true;
        });
    }

    /**
     * Makes the contact's rows of one list table hold {@code wanted}, in order: changes a row whose value
     * differs, inserts the rows the list grew by and removes those it lost. Through the persistence context
     * (not bulk statements), so rows this unit of work already holds stay consistent.
     */
    private static <E extends ContactItem> void sync(EntityManager em, Class<E> type, String contactId, List<String> wanted,
                                                     ItemFactory<E> create) {
        List<E> current = items(em, type, "i.contactId = :id", Map.of("id", contactId));
        for (int i = 0; i < Math.max(current.size(), wanted.size()); i++) {
            if (i >= wanted.size()) {
                em.remove(current.get(i));
            } else if (i >= current.size()) {
                em.persist(create.create(contactId, i, wanted.get(i)));
            } else if (!current.get(i).value().equals(wanted.get(i))) {
                current.get(i).value(wanted.get(i));
            }
        }
    }

    /** The contacts with their phones and emails, in the given order; two queries for any number of contacts. */
    private static List<Contact> withItems(EntityManager em, List<ContactEntity> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ids = Map.of("ids", contacts.stream().map(ContactEntity::id).toList());
        Map<String, List<String>> phones = byContact(items(em, ContactPhoneEntity.class, "i.contactId in :ids", ids));
        Map<String, List<String>> emails = byContact(items(em, ContactEmailEntity.class, "i.contactId in :ids", ids));
        return contacts.stream().map(c -> c.toContact(phones.getOrDefault(c.id(), List.of()),
                emails.getOrDefault(c.id(), List.of()))).toList();
    }

    private static <E extends ContactItem> List<E> items(EntityManager em, Class<E> type, String condition,
                                                         Map<String, Object> parameters) {
        TypedQuery<E> query = em.createQuery("select i from " + type.getSimpleName() + " i where " + condition
                + " order by i.contactId, i.idx", type);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static Map<String, List<String>> byContact(List<? extends ContactItem> items) {
        Map<String, List<String>> values = new HashMap<>();
        items.forEach(i -> values.computeIfAbsent(i.contactId(), id -> new ArrayList<>()).add(i.value()));
        return values;
    }

    /** The text with LIKE's wildcards and the escape character itself made literal. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }

    @FunctionalInterface
    private interface ItemFactory<E> {
        E create(String contactId, int idx, String value);
    }
}
