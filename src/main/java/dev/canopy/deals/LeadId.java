package dev.canopy.deals;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A lead, by id: what crosses module boundaries and events instead of a bare UUID. */
public record LeadId(@JsonValue UUID value) {

    public LeadId {
        Objects.requireNonNull(value, "value");
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static LeadId fromJson(Object json) {
        return new LeadId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
