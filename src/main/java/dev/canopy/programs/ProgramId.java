package dev.canopy.programs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record ProgramId(@JsonValue UUID value) {

    public ProgramId {
        Objects.requireNonNull(value, "value");
    }

    public static ProgramId random() {
        return new ProgramId(UUID.randomUUID());
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ProgramId fromJson(Object json) {
        return new ProgramId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
