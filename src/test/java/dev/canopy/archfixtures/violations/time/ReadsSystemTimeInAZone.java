package dev.canopy.archfixtures.violations.time;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Violates: a zone is not a clock; this still reads the system clock. */
public class ReadsSystemTimeInAZone {

    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
