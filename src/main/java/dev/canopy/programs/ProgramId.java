package dev.canopy.programs;

import java.util.Objects;
import java.util.UUID;

public record ProgramId(UUID value) {

    public ProgramId {
        Objects.requireNonNull(value, "value");
    }

    public static ProgramId random() {
        return new ProgramId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
