package dev.canopy.tracking.internal;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Click ids as version 7 UUIDs: the first 48 bits are the time in milliseconds, so the click table's
 * primary key grows at its right edge; the remaining 74 bits are random from a secure source, because a
 * click id shown to a visitor must not let anyone guess another visitor's.
 */
public final class ClickIds {

    // Striped rather than thread-local: requests run on virtual threads, one per request, and a new
    // SecureRandom per request would be seeded each time.
    private static final SecureRandom[] RANDOM = new SecureRandom[16];

    static {
        for (int i = 0; i < RANDOM.length; i++) {
            try {
                // NIST SP 800-90A DRBG: a secure source without the lock and device read of NativePRNG.
                RANDOM[i] = SecureRandom.getInstance("DRBG");
            } catch (java.security.NoSuchAlgorithmException e) {
                RANDOM[i] = new SecureRandom();
            }
        }
    }

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
        SecureRandom random = RANDOM[ThreadLocalRandom.current().nextInt(RANDOM.length)];
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
