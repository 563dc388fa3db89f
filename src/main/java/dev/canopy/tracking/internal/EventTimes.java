package dev.canopy.tracking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an event may say it happened, the same on every door (the events API's {@code occurredAt}, Stripe's
 * {@code created}): at most a day ahead of Canopy's clock (clocks drift, time zones get confused), and not
 * more than three years back (longer than any attribution window, commission duration or refund period; a
 * missing or zero Stripe time would otherwise date a sale in 1970). Anything else is refused, naming the
 * field: a commission dated in the wrong year pays in the wrong period and the wrong tax year.
 */
public final class EventTimes {

    static final Duration AHEAD = Duration.ofDays(1);
    static final Duration BACK = Duration.ofDays(3 * 366);

    private EventTimes() {}

    /** Why {@code at} cannot be an event's time at {@code now}, or empty when it can. */
    public static Optional<String> problem(Instant at, Instant now) {
        if (at.isAfter(now.plus(AHEAD))) {
            return Optional.of("Cannot be more than a day in the future");
        }
        if (at.isBefore(now.minus(BACK))) {
            return Optional.of("Cannot be more than three years ago");
        }
        return Optional.empty();
    }
}
