package dev.canopy.tracking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.shared.Ids;
import java.util.UUID;

public record LinkId(@JsonValue UUID value) {

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static LinkId fromJson(Object json) {
        return new LinkId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
