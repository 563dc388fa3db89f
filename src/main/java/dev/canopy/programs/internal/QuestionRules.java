package dev.canopy.programs.internal;

import dev.canopy.programs.QuestionType;
import dev.canopy.shared.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A custom question needs wording and a type; choice questions need two to twenty distinct options. */
public final class QuestionRules {

    private QuestionRules() {}

    public record Checked(String label, QuestionType type, boolean required, List<String> options) {}

    /** {@code options} one per line, as typed into the editor. */
    public static Checked check(String label, String type, boolean required, String options) {
        String[] checkedLabel = new String[1];
        QuestionType[] checkedType = new QuestionType[1];
        InvalidInputException.collect(
                () -> checkedLabel[0] = Fields.required("label", label, 200), () -> checkedType[0] = type(type));
        List<String> checkedOptions = checkedType[0].hasOptions() ? options(options) : List.of();
        return new Checked(checkedLabel[0], checkedType[0], required, checkedOptions);
    }

    private static QuestionType type(String value) {
        try {
            return QuestionType.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "Choose a question type");
        }
    }

    private static List<String> options(String value) {
        Set<String> options = new LinkedHashSet<>();
        for (String line : (value == null ? "" : value).split("\\R")) {
            if (!line.isBlank()) {
                options.add(Fields.required("options", line, 100));
            }
        }
        if (options.size() < 2 || options.size() > 20) {
            throw new InvalidInputException("options", "Give two to twenty options, one per line");
        }
        return List.copyOf(options);
    }
}
