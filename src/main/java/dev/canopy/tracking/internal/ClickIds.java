package dev.canopy.tracking.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Click ids as version 7 UUIDs: the first 48 bits are the time in milliseconds, so the click table's
 * primary key grows at its right edge; the remaining 74 bits are random from a secure source, because a
 * click id shown to a visitor must not let anyone guess another visitor's.
 */
public final class ClickIds {

    // Striped rather than thread-local: requests on the application's port run on virtual threads, one
    // per request, and a new SecureRandom per request would be seeded each time. Each stripe draws its
    // random bytes a few kilobytes at a time: a DRBG call per id cost more than the rest of the id (ADR 20).
    private static final Stripe[] STRIPES = new Stripe[16];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Stripe(secureRandom());
        }
    }

    private static SecureRandom secureRandom() {
        try {
            // NIST SP 800-90A DRBG: a secure source without the lock and device read of NativePRNG.
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static final class Stripe {
        private final SecureRandom random;
        private final ByteBuffer bytes = ByteBuffer.allocate(4_096).position(4_096);

        Stripe(SecureRandom random) {
            this.random = random;
        }

        synchronized UUID next(long epochMillis) {
            if (bytes.remaining() < 16) {
                random.nextBytes(bytes.array());
                bytes.clear();
            }
            long high = (epochMillis << 16) | 0x7000L | (bytes.getLong() & 0x0FFFL);
            long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low);
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
        // By thread, not at random: the redirect's event loops (consecutive ids) then never share a stripe, so
        // one preempted while holding its stripe never holds up the other (ADR 34).
        return STRIPES[(int) (Thread.currentThread().threadId() & (STRIPES.length - 1))].next(epochMillis);
    }
}
