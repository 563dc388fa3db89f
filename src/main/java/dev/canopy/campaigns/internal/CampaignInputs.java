package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.CampaignInput;
import dev.canopy.campaigns.CampaignTrigger;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Audiences;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A {@link CampaignInput} checked field by field, every problem named at once and nothing stored until all are
 * right: words without control characters, merge fields Canopy knows, a segment of the workspace's own programmes,
 * tiers and partners.
 */
@Component
public class CampaignInputs {

    /** A campaign's fields once checked. */
    public record Checked(
            String name,
            String subject,
            String body,
            CampaignTrigger trigger,
            @Nullable Integer triggerDays,
            Audience audience) {}

    static final int NAME_MAX = 120;
    static final int SUBJECT_MAX = 200;

    private final Audiences audiences;

    CampaignInputs(Audiences audiences) {
        this.audiences = audiences;
    }

    public Checked check(CampaignInput in) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = text("name", in.name(), NAME_MAX, problems);
        String subject = text("subject", in.subject(), SUBJECT_MAX, problems);
        String body = text("body", in.body(), Texts.MAX_LENGTH, problems);
        mergeFields("subject", subject, problems);
        mergeFields("body", body, problems);
        CampaignTrigger trigger = CampaignTrigger.SEGMENT;
        if (in.trigger() != null && !in.trigger().isBlank()) {
            try {
                trigger = CampaignTrigger.valueOf(in.trigger().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.put("trigger", "Choose one of " + java.util.Arrays.toString(CampaignTrigger.values()));
            }
        }
        Integer days = null;
        if (trigger == CampaignTrigger.NO_LEAD_AFTER_DAYS) {
            try {
                days = Integer.parseInt(String.valueOf(in.triggerDays()).strip());
                if (days < 1 || days > 365) {
                    problems.put("triggerDays", "Enter a whole number of days from 1 to 365");
                }
            } catch (NumberFormatException e) {
                problems.put("triggerDays", "Enter a whole number of days from 1 to 365");
            }
        }
        Audience audience = audiences.check(
                in.match(), in.programIds(), in.tierIds(), in.partnerTypes(), in.regions(), in.partnerIds(), problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new Checked(name, subject, body, trigger, days, audience);
    }

    /** A date-time in the workspace's zone ("2027-01-31T09:00"), strictly after {@code now}. */
    public static Instant sendAt(@Nullable String raw, ZoneId zone, Instant now) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("sendAt", "Enter a date and time, like 2027-01-31T09:00");
        }
        Instant at;
        try {
            at = raw.strip().endsWith("Z") || raw.contains("+")
                    ? Instant.parse(raw.strip())
                    : LocalDateTime.parse(raw.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "sendAt", "Enter a date and time as YYYY-MM-DDTHH:MM, like 2027-01-31T09:00");
        }
        if (!at.isAfter(now)) {
            throw new InvalidInputException("sendAt", "Choose a time in the future, or send it now");
        }
        return at;
    }

    private static String text(String field, @Nullable String raw, int max, Map<String, String> problems) {
        String value = raw == null ? "" : raw.strip();
        String problem = Texts.problem(value);
        if (value.isEmpty()) {
            problems.put(field, "Enter it");
        } else if (problem != null) {
            problems.put(field, problem);
        } else if (value.length() > max) {
            problems.put(field, "Use at most " + max + " characters");
        }
        return value;
    }

    private static void mergeFields(String field, String text, Map<String, String> problems) {
        Set<String> unknown = MergeFields.unknown(text);
        if (!unknown.isEmpty() && !problems.containsKey(field)) {
            problems.put(
                    field,
                    "Unknown merge field {{" + unknown.iterator().next() + "}}: use "
                            + String.join(
                                    ", ",
                                    MergeFields.KNOWN.stream()
                                            .map(f -> "{{" + f + "}}")
                                            .toList()));
        }
    }
}
