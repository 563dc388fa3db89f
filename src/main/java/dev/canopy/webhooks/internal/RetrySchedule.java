package dev.canopy.webhooks.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: Svix's schedule (at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
 * after each failure), each wait stretched by up to a tenth at random so that endpoints coming back are not hit by
 * every retry at the same second, and never sooner than the receiver's {@code Retry-After} asks.
 */
public final class RetrySchedule {

    /** The wait after the n-th failure (index n − 1); none after the last: the delivery has failed. */
    static final List<Duration> WAITS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    /** Every attempt a message gets: the first and one after each wait. */
    public static final int ATTEMPTS = WAITS.size() + 1;

    /** A receiver's {@code Retry-After} is honoured up to the longest wait of the schedule. */
    static final Duration LONGEST = Duration.ofHours(10);

    private RetrySchedule() {}

    /**
     * The wait before the next attempt after {@code failedAttempts} failures, or empty when none is left; {@code
     * retryAfter} is what the receiver asked for, if anything.
     */
    public static Optional<Duration> next(int failedAttempts, Optional<Duration> retryAfter, RandomGenerator random) {
        if (failedAttempts < 1 || failedAttempts > WAITS.size()) {
            return Optional.empty();
        }
        Duration wait = WAITS.get(failedAttempts - 1);
        Duration jittered = wait.plusMillis((long) (wait.toMillis() * 0.1 * random.nextDouble()));
        Duration asked = retryAfter
                .filter(d -> !d.isNegative())
                .map(d -> d.compareTo(LONGEST) > 0 ? LONGEST : d)
                .orElse(Duration.ZERO);
        return Optional.of(asked.compareTo(jittered) > 0 ? asked : jittered);
    }
}
