package dev.canopy.partners;

import java.util.Objects;
import java.util.UUID;

public record PartnerId(UUID value) {

    public PartnerId {
        Objects.requireNonNull(value, "value");
    }

    public static PartnerId random() {
        return new PartnerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
