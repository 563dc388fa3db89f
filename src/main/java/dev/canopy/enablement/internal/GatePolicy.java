package dev.canopy.enablement.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Whether a partner company meets a certification requirement, read from its people's certificates alone. Met: at
 * least N people hold a certificate in force now. Unmet, the gate stays open for the programme's grace period after
 * the last moment it was met — never counting a moment before the requirement was set, so a new requirement binds
 * at once. Revoked certificates are left out by the caller: a revocation takes back the certificate entirely.
 */
public final class GatePolicy {

    private GatePolicy() {}

    /** A certificate in force from {@code from} until {@code until} (exclusive; null for ever). */
    public record Held(UUID person, Instant from, @Nullable Instant until) {}

    /** People held now, and (unmet only) until when the gate stays open, null when closed or met. */
    public record Standing(long held, @Nullable Instant openUntil) {}

    public static Standing standing(List<Held> held, int required, Instant since, Instant now, Duration grace) {
        long people = heldAt(held, now);
        if (people >= required) {
            return new Standing(people, null);
        }
        // The count only drops when a certificate lapses, so the last moment met ends at one of those lapses.
        Instant lastMet = held.stream()
                .map(Held::until)
                .filter(Objects::nonNull)
                .filter(u -> u.isAfter(since) && !u.isAfter(now))
                .filter(u -> people(
                                held,
                                h -> h.from().isBefore(u)
                                        && (h.until() == null || !h.until().isBefore(u)))
                        >= required)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Instant openUntil = lastMet == null ? null : lastMet.plus(grace);
        return new Standing(people, openUntil != null && now.isBefore(openUntil) ? openUntil : null);
    }

    /** People holding a certificate in force at {@code at}. */
    public static long heldAt(List<Held> held, Instant at) {
        return people(
                held,
                h -> !h.from().isAfter(at) && (h.until() == null || h.until().isAfter(at)));
    }

    private static long people(List<Held> held, Predicate<Held> inForce) {
        return held.stream().filter(inForce).map(Held::person).distinct().count();
    }
}
