package dev.canopy.partners;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Ids;
import dev.canopy.shared.PartnerScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record PartnerId(@JsonValue UUID value) {

    public PartnerId {
        Objects.requireNonNull(value, "value");
    }

    public static PartnerId random() {
        return new PartnerId(UUID.randomUUID());
    }

    /** The company of the partner user signed in; empty when staff or nobody is. */
    public static Optional<PartnerId> signedIn(CurrentWorkspace workspace) {
        return workspace
                .principal()
                .filter(PartnerScoped.class::isInstance)
                .map(p -> new PartnerId(((PartnerScoped) p).partnerId()));
    }

    /** From JSON: the UUID string it is written as. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PartnerId fromJson(Object json) {
        return new PartnerId(Ids.fromJson(json));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
