package dev.canopy.platform;

import dev.canopy.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Page cursors as clients see them: opaque strings, passed back as given. Inside, the position a page ends at —
 * here a time and an id, so that rows of the same instant are neither skipped nor repeated at a page's edge.
 */
public final class Cursors {

    static final String GIVEN_BACK = "Pass nextCursor from the previous page as it was given";

    private Cursors() {}

    /** Where a list ordered by (time, id), newest first, continues. */
    public record Position(Instant at, UUID id) {}

    public static String encode(Position position) {
        String raw = position.at() + " " + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Where a list ordered by text keys continues, e.g. (name, domain). */
    public static String encodeKeys(String... keys) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\u0000", keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys a cursor of {@link #encodeKeys} names; null for none; a 400 naming {@code field} otherwise. */
    public static String @Nullable [] decodeKeys(@Nullable String cursor, int count, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] keys = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                    .split("\u0000", -1);
            if (keys.length != count) {
                throw new InvalidInputException(field, GIVEN_BACK);
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, GIVEN_BACK);
        }
    }

    /** A list that continues after a row number (its rows are numbered as they are written). */
    public static @Nullable Long sequence(@Nullable String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            long after = Long.parseLong(cursor.strip());
            if (after < 1) {
                throw new InvalidInputException(field, GIVEN_BACK);
            }
            return after;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, GIVEN_BACK);
        }
    }

    /** The position a cursor names; null for none; a 400 naming {@code field} for one Canopy did not make. */
    public static @Nullable Position decode(@Nullable String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(" ", -1);
            if (parts.length != 2) {
                throw new InvalidInputException(field, GIVEN_BACK);
            }
            return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(field, GIVEN_BACK);
        }
    }
}
