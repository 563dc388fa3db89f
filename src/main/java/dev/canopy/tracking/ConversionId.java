package dev.canopy.tracking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A conversion (lead, sale, refund or churn), by id: what crosses module boundaries and events instead of a bare UUID. */
public record ConversionId(@JsonValue UUID value) {

    public ConversionId {
        Objects.requireNonNull(value, "value");
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ConversionId fromJson(Object json) {
        return new ConversionId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
