package dev.canopy.identity.internal;

import dev.canopy.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets handed to people (reset links, invitation links, API keys). Only their SHA-256 is stored: a
 * copy of the database does not let anyone use them. High-entropy random secrets need no slow hash.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A URL-safe random secret carrying {@code bytes} bytes of entropy. */
    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** Compares in time independent of where the strings differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
