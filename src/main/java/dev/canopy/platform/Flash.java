package dev.canopy.platform;

import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A console button's action as every page answers it: it runs, and the page it returns to says what happened,
 * or what was wrong (each field named as people read it) or why it cannot be done now. Forms that re-show their
 * fields use {@link Forms} instead, so the errors sit beside the fields.
 */
public final class Flash {

    private Flash() {}

    /** Runs {@code action} (its answer is the success message) and redirects to {@code target}. */
    public static String after(RedirectAttributes redirect, String target, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", message(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + target;
    }

    /** "Opportunity opened on: Enter a date; Amount: Enter an amount". */
    public static String message(InvalidInputException e) {
        return e.problems().stream()
                .map(p -> label(p.field()) + ": " + p.message())
                .collect(Collectors.joining("; "));
    }

    /** "opportunityOpenedOn" → "Opportunity opened on". */
    static String label(String field) {
        String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
