package dev.canopy.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Svix's schedule, stretched by at most a tenth, never sooner than Retry-After asks (up to 10 hours), eight tries. */
class RetryScheduleProperties {

    @Test
    void theScheduleIsSvixs() {
        assertThat(RetrySchedule.WAITS)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
        assertThat(RetrySchedule.ATTEMPTS).isEqualTo(8);
    }

    @Property
    void eachWaitIsTheSchedulesStretchedByAtMostATenth(
            @ForAll @IntRange(min = 1, max = 7) int failed, @ForAll long seed) {
        Duration planned = RetrySchedule.WAITS.get(failed - 1);

        Duration wait = RetrySchedule.next(failed, Optional.empty(), new SplittableRandom(seed))
                .orElseThrow();

        assertThat(wait).isBetween(planned, planned.plus(planned.dividedBy(10)));
    }

    @Property
    void retryAfterIsHonouredUpToTenHours(
            @ForAll @IntRange(min = 1, max = 7) int failed,
            @ForAll @LongRange(min = 0, max = 200_000) long askedSeconds,
            @ForAll long seed) {
        Duration asked = Duration.ofSeconds(askedSeconds);

        Duration wait = RetrySchedule.next(failed, Optional.of(asked), new SplittableRandom(seed))
                .orElseThrow();

        assertThat(wait).isGreaterThanOrEqualTo(min(asked, Duration.ofHours(10)));
        assertThat(wait).isGreaterThanOrEqualTo(RetrySchedule.WAITS.get(failed - 1));
    }

    @Property
    void afterTheEighthAttemptNothingIsLeft(@ForAll @IntRange(min = 8, max = 1_000) int failed, @ForAll long seed) {
        assertThat(RetrySchedule.next(failed, Optional.empty(), new SplittableRandom(seed)))
                .isEmpty();
    }

    private static Duration min(Duration a, Duration b) {
        return List.of(a, b).stream().min(Duration::compareTo).orElseThrow();
    }
}
