package dev.canopy.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a workspace: one vendor company and everything it owns in Canopy. */
public record WorkspaceId(@JsonValue UUID value) implements Serializable {

    public WorkspaceId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WorkspaceId fromJson(Object json) {
        return new WorkspaceId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
