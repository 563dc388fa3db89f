package dev.canopy.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
        // Tuesday 10:00 + 1 → Wednesday 10:00
        "2026-11-17T09:00:00Z, 1, 2026-11-18T09:00:00Z",
        // Friday 15:00 + 1 → Monday 15:00
        "2026-11-20T14:00:00Z, 1, 2026-11-23T14:00:00Z",
        // Saturday counts from Monday 00:00: + 1 → Tuesday 00:00 local
        "2026-11-21T10:00:00Z, 1, 2026-11-23T23:00:00Z",
        // Thursday + 3 → Tuesday
        "2026-11-19T08:00:00Z, 3, 2026-11-24T08:00:00Z",
        // Friday 23:30 in Berlin is still Friday there (22:30 UTC) → Monday 23:30 local
        "2026-11-20T22:30:00Z, 1, 2026-11-23T22:30:00Z"
    })
    void skipWeekendsInTheWorkspacesTimeZone(Instant start, int days, Instant due) {
        assertThat(BusinessDays.after(start, days, BERLIN)).isEqualTo(due);
    }

    @ParameterizedTest
    @CsvSource({
        // Friday 23:30 UTC is already Saturday 08:30 in Tokyo: counting starts on Monday there
        "2026-11-20T23:30:00Z, 1, 2026-11-23T15:00:00Z"
    })
    void theSameInstantCanBeAWeekendElsewhere(Instant start, int days, Instant due) {
        assertThat(BusinessDays.after(start, days, ZoneId.of("Asia/Tokyo"))).isEqualTo(due);
    }
}
