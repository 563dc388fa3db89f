package dev.canopy.shared;

/** The request is valid on its own but clashes with the current state (a taken slug, a used token). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the clash is about, or null when it is about the whole request. */
    public String field() {
        return field;
    }
}
