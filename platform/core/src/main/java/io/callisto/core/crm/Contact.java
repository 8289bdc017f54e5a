package io.callisto.core.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A CRM contact: a customer the tenant knows. Phones are E.164, emails lower-case. */
public record Contact(String id, String name, List<String> phones, List<String> emails, String company,
                      Map<String, String> fields, Instant createdAt, Instant updatedAt) {
    public Contact {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        fields = Map.copyOf(fields);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }
}
