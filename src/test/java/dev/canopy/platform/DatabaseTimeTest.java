package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseTimeTest {

    @Test
    void keepsMicrosecondsAndDropsWhatPostgresCannotStore() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T23:59:59.123456789Z"), ZoneOffset.UTC);

        assertThat(DatabaseTime.now(clock)).isEqualTo(Instant.parse("2026-12-07T23:59:59.123456Z"));
    }

    @Test
    void anInstantAlreadyInMicrosecondsIsKept() {
        Instant exact = Instant.parse("2026-02-28T00:00:00.000001Z");

        assertThat(DatabaseTime.now(Clock.fixed(exact, ZoneOffset.UTC))).isEqualTo(exact);
    }

    @Test
    void truncatesTowardsThePastBeforeTheEpochToo() {
        Clock clock = Clock.fixed(Instant.parse("1969-12-31T23:59:59.999999999Z"), ZoneOffset.UTC);

        assertThat(DatabaseTime.now(clock)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }
}
