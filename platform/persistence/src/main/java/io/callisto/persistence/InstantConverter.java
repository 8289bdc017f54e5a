package io.callisto.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as UTC OffsetDateTime, the JDBC 4.2 type of {@code timestamp with time zone} on both
 * databases. EclipseLink 5.0.0's own Instant mapping fails on H2 (it reads H2's OffsetDateTime and
 * tries to convert it to a LocalDate), and a round trip through java.sql.Timestamp would depend on the
 * JVM's zone; this way an instant comes back exactly as stored, whatever the zone. Public only because
 * EclipseLink instantiates converters reflectively and cannot reach a package-private one.
 */
@Converter(autoApply = true)
public final class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {
    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
