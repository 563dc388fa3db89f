package dev.canopy.shared;

import java.util.List;
import java.util.Map;

/** Input that breaks a rule; names every field at fault so forms and the API can point at it. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public record FieldProblem(String field, String message) {}

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is required");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(Map<String, String> problems) {
        return new InvalidInputException(problems.entrySet().stream()
                .map(e -> new FieldProblem(e.getKey(), e.getValue()))
                .toList());
    }

    /** Runs every check and throws one exception naming all fields at fault, so a form shows them at once. */
    public static void collect(Runnable... checks) {
        List<FieldProblem> found = new java.util.ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (InvalidInputException e) {
                found.addAll(e.problems());
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
