package dev.canopy.enablement.web;

import dev.canopy.shared.InvalidInputException;
import java.util.UUID;

/** A quiz form's fields read: names carry question ids, values choice numbers; anything else is refused. */
final class Answers {

    private Answers() {}

    static UUID question(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("answers", "Not a question of this attempt: " + raw);
        }
    }

    static int choice(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("answers", "Not a choice: " + raw);
        }
    }
}
