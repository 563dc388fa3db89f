package dev.canopy.landingpages.internal;

import dev.canopy.landingpages.LeadInput;
import dev.canopy.landingpages.PageInput;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A partner's page settings and a visitor's lead, checked: every problem at once, each on its field. */
public final class PageChecks {

    /** Page settings that passed their checks; the template is still to be found among the published ones. */
    public record CheckedPage(
            UUID template,
            boolean enabled,
            @Nullable String text,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {}

    private PageChecks() {}

    public static CheckedPage page(PageInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        UUID template = uuid(input.templateId()).orElse(null);
        if (template == null) {
            problems.put("templateId", "Choose a template");
        }
        String text = LandingText.check("text", input.text(), 2000, false, problems);
        String email = email("contactEmail", input.contactEmail(), false, problems);
        String phone = LandingText.check("contactPhone", input.contactPhone(), 30, false, problems);
        if (phone != null && !phone.matches("\\+?[0-9][0-9 ()./-]{4,29}")) {
            problems.put("contactPhone", "Enter a phone number of digits, spaces and + ( ) - . /");
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new CheckedPage(template, input.enabled(), text, email, phone);
    }

    /** A visitor's lead; a click id that is not one is dropped (the visitor's URL is theirs to mangle). */
    public static LandingLeadTable.Checked lead(LeadInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        UUID token = uuid(input.token()).orElse(null);
        if (token == null) {
            problems.put("token", "This form has expired: reload the page and send it again");
        }
        String name = LandingText.check("name", input.name(), 120, true, problems);
        String email = email("email", input.email(), true, problems);
        String company = LandingText.check("company", input.company(), 200, false, problems);
        String message = LandingText.check("message", input.message(), 2000, false, problems);
        // Leads end up in spreadsheets: a name that starts like a formula would run as one there.
        formula("name", name, problems);
        formula("company", company, problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new LandingLeadTable.Checked(
                token, name, email, company, message, uuid(input.clickId()).orElse(null));
    }

    private static void formula(String field, @Nullable String value, Map<String, String> problems) {
        if (value != null && "=+-@".indexOf(value.charAt(0)) >= 0) {
            problems.put(field, "Start with a letter or digit, not = + - or @");
        }
    }

    private static Optional<UUID> uuid(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String email(
            String field, @Nullable String raw, boolean required, Map<String, String> problems) {
        String value = LandingText.check(field, raw, 254, required, problems);
        if (value == null) {
            if (required && !problems.containsKey(field)) {
                problems.put(field, "Enter an email address");
            }
            return null;
        }
        try {
            return new EmailAddress(value).value();
        } catch (InvalidInputException e) {
            problems.put(field, e.problems().getFirst().message());
            return null;
        }
    }
}
