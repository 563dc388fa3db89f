package dev.canopy.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps timestamps to the microsecond while a clock may give nanoseconds: an instant written and read
 * back would then differ from the one an event carried, and a conditional update comparing the two would never
 * match.
 */
public final class DatabaseTime {

    private DatabaseTime() {}

    /** Now, at the database's precision, so events and stored rows carry the same instants. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
