package dev.canopy.deals;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A deal registration, by id: what crosses module boundaries and events instead of a bare UUID. */
public record DealId(@JsonValue UUID value) {

    public DealId {
        Objects.requireNonNull(value, "value");
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DealId fromJson(Object json) {
        return new DealId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
