package dev.canopy.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Calendar days {@code first} to {@code last}, both included. */
@Schema(name = "ReportPeriod")
public record Period(LocalDate first, LocalDate last) {

    public Period {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A period ends on or after its first day");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The day after the last: where a half-open range ends. */
    public LocalDate end() {
        return last.plusDays(1);
    }

    /** The period of as many days just before this one. */
    public Period previous() {
        return new Period(first.minusDays(days()), first.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
