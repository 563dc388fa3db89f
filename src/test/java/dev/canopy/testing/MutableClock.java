package dev.canopy.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The application's clock in tests. It never reads the calendar: it starts at 10:00 UTC on a fixed day
 * ({@value #TODAY_PROPERTY}, {@link #DEFAULT_TODAY} unless set; a full instant such as
 * {@code 2027-03-31T23:59:00Z} is taken as it is) and runs on with real elapsed time, so that the suite gives
 * the same answer whatever day it runs on, and can be run as of any day. A test moves it forward or sets it
 * to a chosen instant; {@link #reset()} brings it back to the shared timeline.
 */
public final class MutableClock extends Clock {

    public static final String TODAY_PROPERTY = "canopy.test.today";

    /** An ordinary mid-month Wednesday: no month end, year end or weekend is near unless a test goes there. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 18);

    /** Every clock of the JVM (one per application context) shares one timeline. */
    private static final Instant START = start(System.getProperty(TODAY_PROPERTY));

    private static final long STARTED_NANOS = System.nanoTime();

    private volatile Duration offset = Duration.ZERO;

    static Instant start(String today) {
        if (today == null || today.isBlank()) {
            return DEFAULT_TODAY.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
        }
        try {
            return today.contains("T")
                    ? Instant.parse(today)
                    : LocalDate.parse(today).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "-D" + TODAY_PROPERTY + " takes a day (2027-03-31) or an instant (2027-03-31T23:59:00Z): " + today,
                    e);
        }
    }

    /** The day the suite runs as of, in UTC. */
    public static LocalDate today() {
        return LocalDate.ofInstant(START, ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to {@code instant} (forward or back); it runs on from there. */
    public void setTo(Instant instant) {
        offset = offset.plus(Duration.between(instant(), instant));
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - STARTED_NANOS).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock parent = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return parent.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }
        };
    }
}
