package dev.canopy.commissions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A commission, by id: what crosses module boundaries and events instead of a bare UUID. */
public record CommissionId(@JsonValue UUID value) {

    public CommissionId {
        Objects.requireNonNull(value, "value");
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CommissionId fromJson(Object json) {
        return new CommissionId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
