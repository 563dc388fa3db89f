package dev.canopy.payouts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A payout run, by id: what crosses module boundaries and events instead of a bare UUID. */
public record PayoutRunId(@JsonValue UUID value) {

    public PayoutRunId {
        Objects.requireNonNull(value, "value");
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PayoutRunId fromJson(Object json) {
        return new PayoutRunId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
