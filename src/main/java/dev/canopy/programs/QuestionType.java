package dev.canopy.programs;

/** The kinds of custom question an application form can ask. */
public enum QuestionType {
    TEXT("Text"),
    SINGLE_CHOICE("Single choice"),
    MULTIPLE_CHOICE("Multiple choice"),
    NUMBER("Number"),
    URL("Web address");

    private final String label;

    QuestionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
