package dev.canopy.archfixtures.compliant.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Complies: every {@code now} takes the injected clock. */
public class UsesInjectedClock {

    private final Clock clock;

    public UsesInjectedClock(Clock clock) {
        this.clock = clock;
    }

    public String stamp() {
        return Instant.now(clock) + " " + LocalDate.now(clock) + " " + ZonedDateTime.now(clock) + " "
                + OffsetDateTime.now(clock) + " " + clock.instant();
    }
}
