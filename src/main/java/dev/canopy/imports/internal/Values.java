package dev.canopy.imports.internal;

import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import dev.canopy.imports.internal.Formats.Field;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How the values of an export's row become Canopy's: ids, dates, amounts in minor units, link slugs. */
final class Values {

    private Values() {}

    /**
     * Canopy's id for a record of the source: the same every run (so a re-run finds what the first one stored), and
     * never the same in two workspaces.
     */
    static UUID id(WorkspaceId workspace, ImportSource source, RecordKind kind, String sourceId) {
        return UUID.nameUUIDFromBytes(
                ("canopy-import/" + workspace.value() + "/" + source + "/" + kind + "/" + sourceId)
                        .getBytes(StandardCharsets.UTF_8));
    }

    static String required(ImportFile.Row row, Field field) {
        String value = row.get(field);
        if (value == null) {
            throw new InvalidInputException(
                    row.format().column(field),
                    "This record has no " + row.format().column(field));
        }
        if (value.length() > 200) {
            throw new InvalidInputException(row.format().column(field), "Use at most 200 characters");
        }
        return value;
    }

    /** Epoch seconds or milliseconds (PartnerStack), or an ISO date with or without a time and offset. */
    static Instant instant(String column, String raw) {
        try {
            if (raw.matches("\\d{1,15}")) {
                long value = Long.parseLong(raw);
                return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            if (raw.length() == 10) {
                return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(raw.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(raw.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    column, "'" + raw + "' is not a date (use 2026-03-31 or 2026-03-31T12:00:00Z)");
        }
    }

    /** An amount the source keeps in the currency's minor unit (cents): 12345 USD → 123.45. */
    static Money minorUnits(String column, String raw, Currency currency) {
        BigDecimal units;
        try {
            units = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, "'" + raw + "' is not an amount in cents");
        }
        if (units.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(column, "'" + raw + "' is finer than a cent (amounts here are in cents)");
        }
        if (units.abs().compareTo(new BigDecimal("1e15")) >= 0) {
            throw new InvalidInputException(column, "'" + raw + "' is too large");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return Money.of(units.setScale(0).movePointLeft(digits).setScale(digits), currency.getCurrencyCode());
    }

    /** The slug of a link: its own column, or the last segment of its address (PartnerStack). */
    static @Nullable String slug(ImportFile.Row row) {
        String slug = row.get(Field.SLUG);
        if (slug != null) {
            return slug;
        }
        String url = row.get(Field.URL);
        if (url == null) {
            return null;
        }
        try {
            String path = URI.create(url).getPath();
            String[] segments = path == null ? new String[0] : path.split("/");
            return segments.length == 0 ? null : segments[segments.length - 1];
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(row.format().column(Field.URL), "'" + url + "' is not a web address");
        }
    }

    /** A link's destination without the referral parameters the old system added to it. */
    static @Nullable String destination(ImportFile.Row row) {
        String destination = row.get(Field.DESTINATION);
        if (destination == null) {
            return null;
        }
        int query = destination.indexOf('?');
        return query < 0 ? destination : destination.substring(0, query);
    }

    /** The partner's or contact's name: company, else the person's name. */
    static String partnerName(ImportFile.Row row) {
        String company = row.get(Field.COMPANY);
        return company != null ? company : personName(row);
    }

    static String personName(ImportFile.Row row) {
        String name = row.get(Field.NAME);
        if (name != null) {
            return name;
        }
        String first = row.get(Field.FIRST_NAME);
        String last = row.get(Field.LAST_NAME);
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return joined.isEmpty() ? row.get(Field.EMAIL) : joined;
    }

    /** One of {@code type}'s constants by name (any case, spaces as underscores), or {@code otherwise} when blank. */
    static <E extends Enum<E>> E choice(ImportFile.Row row, Field field, Class<E> type, E otherwise) {
        String raw = row.get(field);
        if (raw == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(
                    type, raw.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    row.format().column(field),
                    "'" + raw + "' is not one of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(type.getEnumConstants())
                                            .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                                            .toList()));
        }
    }

    static boolean truthy(@Nullable String raw) {
        return raw != null && (raw.equalsIgnoreCase("true") || raw.equals("1") || raw.equalsIgnoreCase("yes"));
    }
}
