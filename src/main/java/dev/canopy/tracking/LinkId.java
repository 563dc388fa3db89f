package dev.canopy.tracking;

import java.util.UUID;

public record LinkId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
