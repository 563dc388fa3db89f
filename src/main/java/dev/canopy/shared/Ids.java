package dev.canopy.shared;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Typed ids ({@code PartnerId}, {@code ProgramId}, …) are written to JSON as their plain UUID string; read back,
 * they also accept {"value": "…"}, the shape event publications were stored in before.
 */
public final class Ids {

    private Ids() {}

    /** {@code raw} as a UUID; when it is none, refused naming {@code field} with {@code message}. */
    public static UUID required(String field, @Nullable String raw, String message) {
        try {
            return UUID.fromString(String.valueOf(raw).strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message);
        }
    }

    public static UUID fromJson(Object json) {
        Object raw = json instanceof Map<?, ?> map ? map.get("value") : json;
        if (raw == null) {
            throw new IllegalArgumentException("An id is a UUID string");
        }
        return UUID.fromString(raw.toString());
    }
}
