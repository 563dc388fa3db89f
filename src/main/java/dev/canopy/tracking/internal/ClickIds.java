package dev.canopy.tracking.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Click ids as version 7 UUIDs: the first 48 bits are the time in milliseconds, so the click table's
 * primary key grows at its right edge; the remaining 74 bits are random from a secure source, because a
 * click id shown to a visitor must not let anyone guess another visitor's.
 */
public final class ClickIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private ClickIds() {}

    /** The id in {@code raw}, if it is a UUID at all. */
    public static java.util.Optional<UUID> parse(String raw) {
        try {
            return java.util.Optional.of(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public static UUID next(long epochMillis) {
        SecureRandom random = RANDOM.get();
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
