package dev.canopy.tracking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A customer of the vendor, as tracking knows it, by id: what crosses module boundaries and events instead of a bare UUID. */
public record CustomerId(@JsonValue UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CustomerId fromJson(Object json) {
        return new CustomerId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
