package dev.canopy.shared;

import java.io.Serializable;
import java.util.Objects;

/** Who did something: recorded with every change so the audit log can say who, not just what. */
public record Actor(Kind kind, String id, String name) implements Serializable {

    public enum Kind {
        USER,
        PARTNER_USER,
        API_KEY,
        SYSTEM
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "system", "Canopy");
    }

    /** The person's name as people read it: a recorded name ("Pat Doe <pat@example.com>") without its email. */
    public static String withoutEmail(String recordedName) {
        return recordedName.replaceFirst("\\s*<[^>]*>$", "");
    }
}
