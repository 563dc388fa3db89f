package dev.canopy.communications.internal;

import dev.canopy.communications.AnnouncementInput;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Audiences;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** An announcement's input checked whole: every field at fault named at once, nothing stored until all hold. */
@Component
public class AnnouncementChecks {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 10_000;

    private final Audiences audiences;

    AnnouncementChecks(Audiences audiences) {
        this.audiences = audiences;
    }

    public AnnouncementTable.Fields check(AnnouncementInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = text("title", input.title(), TITLE_MAX, "Give the announcement a title", problems);
        String body = text("body", input.body(), BODY_MAX, "Write what you announce", problems);
        Instant publishAt = instant("publishAt", input.publishAt(), problems);
        Instant expiresAt = instant("expiresAt", input.expiresAt(), problems);
        if (publishAt != null && expiresAt != null && !expiresAt.isAfter(publishAt)) {
            problems.put("expiresAt", "Make it expire after it is published");
        }
        Audience audience = audiences.check(
                input.match(),
                input.programIds(),
                input.tierIds(),
                input.partnerTypes(),
                input.regions(),
                input.partnerIds(),
                problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new AnnouncementTable.Fields(title, body, input.pinned(), publishAt, expiresAt, audience);
    }

    private static String text(
            String field, @Nullable String raw, int max, String missing, Map<String, String> problems) {
        String value = raw == null ? "" : raw.strip();
        String problem = Texts.problem(value);
        if (problem != null) {
            problems.put(field, problem);
        } else if (value.isEmpty()) {
            problems.put(field, missing);
        } else if (value.length() > max) {
            problems.put(field, "Use at most " + max + " characters");
        }
        return value;
    }

    /** An instant, a local date-time (a form's, read as UTC) or a date (its start, UTC); blank is none. */
    static @Nullable Instant instant(String field, @Nullable String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.toUpperCase(Locale.ROOT).endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.put(field, "Give a date (2027-01-31) or a time (2027-01-31T09:00:00Z)");
            return null;
        }
    }
}
