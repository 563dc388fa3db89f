package dev.canopy.directory.internal;

import dev.canopy.directory.ContactInput;
import dev.canopy.directory.ListingProfile;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules for what the directory shows the public and takes from it: lengths, addresses, tags, and no text a
 * spreadsheet would run as a formula (listings and requests end up in exports). Every problem is reported at once,
 * against its field.
 */
public final class ListingChecks {

    static final int DESCRIPTION = 600;
    static final int TAG = 60;
    static final int TAGS = 20;
    static final int NAME = 120;
    static final int COMPANY = 200;
    static final int MESSAGE = 2_000;

    private ListingChecks() {}

    /** A profile checked and tidied: blanks to null, the website with its scheme, tags stripped and deduplicated. */
    public record CheckedProfile(
            @Nullable String description,
            @Nullable String website,
            @Nullable String contactEmail,
            List<String> services,
            List<String> industries,
            List<String> regions) {}

    public static CheckedProfile profile(ListingProfile p) {
        Map<String, String> problems = new LinkedHashMap<>();
        String description = text("description", p.description(), DESCRIPTION, false, problems);
        String website = website(p.website(), problems);
        String email = email("contactEmail", p.contactEmail(), false, problems);
        List<String> services = tags("services", p.services(), problems);
        List<String> industries = tags("industries", p.industries(), problems);
        List<String> regions = tags("regions", p.regions(), problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new CheckedProfile(description, website, email, services, industries, regions);
    }

    public static RequestTable.Checked contact(ContactInput c) {
        Map<String, String> problems = new LinkedHashMap<>();
        UUID token = null;
        try {
            token = c.token() == null ? null : UUID.fromString(c.token().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (token == null) {
            problems.put("token", "Open the form again and send it from there");
        }
        String name = text("name", c.name(), NAME, true, problems);
        String email = email("email", c.email(), true, problems);
        String company = text("company", c.company(), COMPANY, false, problems);
        String message = text("message", c.message(), MESSAGE, true, problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new RequestTable.Checked(token, name, email, company, message);
    }

    /** Whether a spreadsheet would take the text for a formula (or DDE) when it is exported. */
    static boolean formulaLike(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    private static @Nullable String text(
            String field, @Nullable String raw, int max, boolean required, Map<String, String> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                problems.put(field, "Fill this in");
            }
            return null;
        }
        if (value.length() > max) {
            problems.put(field, "Use at most " + max + " characters");
        } else if (formulaLike(value)) {
            problems.put(field, "Start with a letter or digit, not = + - or @");
        }
        return value;
    }

    private static @Nullable String email(
            String field, @Nullable String raw, boolean required, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.put(field, "Enter an email address");
            }
            return null;
        }
        try {
            return new EmailAddress(raw.strip()).value();
        } catch (InvalidInputException e) {
            problems.put(field, e.problems().getFirst().message());
            return null;
        }
    }

    private static @Nullable String website(@Nullable String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        String withScheme = value.matches("(?i)https?://.*") ? value : "https://" + value;
        try {
            URI uri = URI.create(withScheme);
            if (value.length() > 200
                    || uri.getHost() == null
                    || !uri.getHost().contains(".")
                    || uri.getUserInfo() != null) {
                problems.put("website", "Enter a web address such as https://www.example.com");
                return null;
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            problems.put("website", "Enter a web address such as https://www.example.com");
            return null;
        }
    }

    private static List<String> tags(String field, @Nullable List<String> raw, Map<String, String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (String item : raw == null ? List.<String>of() : raw) {
            String tag = item == null ? "" : item.strip();
            if (tag.isEmpty() || !seen.add(tag.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (tag.length() > TAG) {
                problems.putIfAbsent(field, "Keep each to " + TAG + " characters: " + tag.substring(0, 20) + "…");
            } else if (formulaLike(tag)) {
                problems.putIfAbsent(field, "Start each with a letter or digit, not = + - or @: " + tag);
            }
            tags.add(tag);
        }
        if (tags.size() > TAGS) {
            problems.putIfAbsent(field, "Name at most " + TAGS);
        }
        return List.copyOf(tags);
    }
}
