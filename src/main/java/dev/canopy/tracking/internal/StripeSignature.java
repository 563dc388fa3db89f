package dev.canopy.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a {@code Stripe-Signature} header the way Stripe signs: {@code t=<unix seconds>,v1=<hex>[,v1=…]},
 * where each v1 is HMAC-SHA256 of {@code "<t>.<raw body>"} under an endpoint secret. Any live secret may
 * match (secrets are rotated by adding the new one before revoking the old), and the timestamp must be
 * within five minutes of now, so a captured request cannot be replayed later.
 */
public final class StripeSignature {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Why a request was refused; the message is safe to show to the sender. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private StripeSignature() {}

    public static void verify(byte[] payload, String header, List<String> secrets, Instant now) throws Refused {
        if (header == null || header.isBlank()) {
            throw new Refused("No Stripe-Signature header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Refused("The Stripe-Signature timestamp is not a number");
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new Refused("The Stripe-Signature header has no timestamp or no v1 signature");
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > TOLERANCE.toSeconds()) {
            throw new Refused("The Stripe-Signature timestamp is " + age + " s away from now (at most "
                    + TOLERANCE.toSeconds() + " s)");
        }
        byte[] signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), payload);
        for (String secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, decode(signature))) {
                    return;
                }
            }
        }
        throw new Refused("No signature matches a signing secret of this endpoint");
    }

    /** A header as Stripe would send it, for tests and the integration page's example. */
    public static String sign(byte[] payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        byte[] signed = concat((t + ".").getBytes(StandardCharsets.UTF_8), payload);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, signed));
    }

    private static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] decode(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
