package dev.canopy.deals.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Service clocks counted in business days, Monday to Friday in the workspace's time zone: a registration
 * submitted on Friday at 15:00 with one business day is due Monday at 15:00; one submitted on Saturday
 * starts counting on Monday morning. Public holidays are not known yet.
 */
public final class BusinessDays {

    private BusinessDays() {}

    public static Instant after(Instant start, int days, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        if (weekend(at)) {
            at = at.toLocalDate().atStartOfDay(zone);
            while (weekend(at)) {
                at = at.plusDays(1);
            }
        }
        for (int i = 0; i < days; i++) {
            at = at.plusDays(1);
            while (weekend(at)) {
                at = at.plusDays(1);
            }
        }
        return at.toInstant();
    }

    private static boolean weekend(ZonedDateTime at) {
        return at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
