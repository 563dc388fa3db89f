package dev.canopy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void startsAtTenUtcOnTheChosenDayOrAtTheChosenInstant() {
        assertThat(MutableClock.start("2028-02-29")).isEqualTo(Instant.parse("2028-02-29T10:00:00Z"));
        assertThat(MutableClock.start("2027-03-31T23:59:00Z")).isEqualTo(Instant.parse("2027-03-31T23:59:00Z"));
        assertThat(MutableClock.start(null))
                .isEqualTo(MutableClock.DEFAULT_TODAY.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> MutableClock.start("31/03/2027")).hasMessageContaining("canopy.test.today");
    }

    @Test
    void runsOnFromWhereItIsSetAndResetsToTheSharedTimeline() {
        MutableClock clock = new MutableClock();
        Instant shared = clock.instant();
        assertThat(MutableClock.today().atTime(10, 0).toInstant(java.time.ZoneOffset.UTC))
                .isBeforeOrEqualTo(shared);

        clock.setTo(Instant.parse("2030-12-31T23:59:59Z"));
        assertThat(clock.instant())
                .isBetween(Instant.parse("2030-12-31T23:59:59Z"), Instant.parse("2031-01-01T00:00:09Z"));
        clock.advance(Duration.ofDays(1));
        assertThat(clock.instant()).isAfter(Instant.parse("2031-01-01T23:59:58Z"));

        clock.reset();
        assertThat(clock.instant()).isBetween(shared, shared.plusSeconds(60));
    }
}
