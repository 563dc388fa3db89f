package dev.canopy.archfixtures.violations.time;

import java.time.LocalDateTime;
import java.util.function.Supplier;

/** Violates: a method reference to {@code now} reads the system clock when called. */
public class ReadsSystemTimeByReference {

    public Supplier<LocalDateTime> clock() {
        return LocalDateTime::now;
    }
}
