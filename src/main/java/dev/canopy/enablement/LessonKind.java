package dev.canopy.enablement;

/** What a lesson is: a page to read, a video, a file from the library, a SCORM package, or a quiz. */
public enum LessonKind {
    TEXT("Reading"),
    VIDEO("Video"),
    FILE("File"),
    SCORM("SCORM package"),
    QUIZ("Quiz");

    private final String label;

    LessonKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
