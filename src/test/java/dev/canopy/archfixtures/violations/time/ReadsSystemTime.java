package dev.canopy.archfixtures.violations.time;

import java.time.Instant;

/** Violates: reads the system clock instead of the injected one. */
public class ReadsSystemTime {

    public Instant now() {
        return Instant.now();
    }
}
