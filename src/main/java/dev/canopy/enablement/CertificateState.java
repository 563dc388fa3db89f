package dev.canopy.enablement;

import dev.canopy.shared.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a certificate stands, read from the clock: active, expiring (within 60 days of its expiry), expired,
 * renewed (a later certificate of the same certification replaced it) or revoked. Never stored.
 */
public enum CertificateState implements Status {
    ACTIVE("Active", Tone.DONE),
    EXPIRING("Expiring", Tone.WAITING),
    EXPIRED("Expired", Tone.ENDED),
    RENEWED("Renewed", Tone.ENDED),
    REVOKED("Revoked", Tone.STOPPED);

    /** How long before its expiry a certificate is said to be expiring (the first reminder). */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(60);

    private final String label;
    private final Tone tone;

    CertificateState(String label, Tone tone) {
        this.label = label;
        this.tone = tone;
    }

    public static CertificateState of(Instant expiresAt, Instant revokedAt, boolean superseded, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (superseded) {
            return RENEWED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        if (expiresAt != null && now.plus(EXPIRING_WITHIN).isAfter(expiresAt)) {
            return EXPIRING;
        }
        return ACTIVE;
    }

    /** Whether the certificate counts now: for tiers, gates and the verification page's "valid". */
    public boolean valid() {
        return this == ACTIVE || this == EXPIRING;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return tone;
    }
}
