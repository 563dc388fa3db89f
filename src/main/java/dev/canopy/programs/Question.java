package dev.canopy.programs;

import java.util.List;
import java.util.UUID;

/** A custom question on a programme's application form. */
public record Question(UUID id, int position, String label, QuestionType type, boolean required, List<String> options) {

    /** The form field (and API error field) that carries the answer. */
    public String field() {
        return "answers." + id;
    }
}
