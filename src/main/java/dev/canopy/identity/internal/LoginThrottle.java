package dev.canopy.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When sign-in attempts are refused: once {@link #MAX_FAILURES_PER_ACCOUNT} failures for one address, or
 * {@link #MAX_FAILURES_PER_IP} from one client, fall within {@link #WINDOW}; until enough of them age out.
 * The failures come from the database, so the limit holds across every node.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    public static final int MAX_FAILURES_PER_IP = 30;

    private LoginThrottle() {}

    /** Empty when a new attempt may proceed; otherwise the moment the caller may try again. */
    public static Optional<Instant> lockedUntil(List<Instant> accountFailures, List<Instant> ipFailures, Instant now) {
        return Optional.ofNullable(latest(
                        unlockAt(accountFailures, MAX_FAILURES_PER_ACCOUNT, now),
                        unlockAt(ipFailures, MAX_FAILURES_PER_IP, now)))
                .filter(until -> until.isAfter(now));
    }

    // The limit-th most recent failure inside the window keeps the lock until it ages out of the window.
    private static Instant unlockAt(List<Instant> failures, int limit, Instant now) {
        List<Instant> recent = failures.stream()
                .filter(at -> at.isAfter(now.minus(WINDOW)))
                .sorted(Comparator.reverseOrder())
                .toList();
        return recent.size() < limit ? null : recent.get(limit - 1).plus(WINDOW);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
