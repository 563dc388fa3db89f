package dev.canopy.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LoginThrottleProperties {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static List<Instant> failuresAt(List<Integer> secondsAgo) {
        return secondsAgo.stream().map(s -> NOW.minusSeconds(s)).toList();
    }

    private static long inWindow(List<Instant> failures) {
        return failures.stream()
                .filter(at -> at.isAfter(NOW.minus(LoginThrottle.WINDOW)))
                .count();
    }

    @Property
    void locksExactlyWhenTheAccountHasTooManyRecentFailures(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3600) Integer> secondsAgo) {
        List<Instant> failures = failuresAt(secondsAgo);
        Optional<Instant> locked = LoginThrottle.lockedUntil(failures, List.of(), NOW);
        assertThat(locked.isPresent()).isEqualTo(inWindow(failures) >= LoginThrottle.MAX_FAILURES_PER_ACCOUNT);
    }

    @Property
    void aLockEndsWithinTheWindowAndLiftsOnceEnoughFailuresAgeOut(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3600) Integer> secondsAgo) {
        List<Instant> failures = failuresAt(secondsAgo);
        LoginThrottle.lockedUntil(failures, List.of(), NOW).ifPresent(until -> {
            assertThat(until).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(LoginThrottle.WINDOW));
            assertThat(LoginThrottle.lockedUntil(failures, List.of(), until)).isEmpty();
            assertThat(LoginThrottle.lockedUntil(failures, List.of(), until.minus(Duration.ofSeconds(1))))
                    .isPresent();
        });
    }

    @Property
    void manyFailuresFromOneClientLockEveryAccountFromIt(@ForAll @IntRange(min = 0, max = 60) int ipFailures) {
        List<Instant> fromIp = java.util.stream.IntStream.range(0, ipFailures)
                .mapToObj(i -> NOW.minusSeconds(i))
                .toList();
        assertThat(LoginThrottle.lockedUntil(List.of(), fromIp, NOW).isPresent())
                .isEqualTo(ipFailures >= LoginThrottle.MAX_FAILURES_PER_IP);
    }
}
