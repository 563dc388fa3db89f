package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The array of recent visitors answers as a map with an hour's expiry would, and forgets the oldest first. */
class RecentVisitorsProperties {

    private static final UUID[] LINKS = {
        UUID.fromString("01900000-0000-7000-8000-000000000001"),
        UUID.fromString("01900000-0000-7000-8000-000000000002"),
        UUID.fromString("01900000-0000-7000-8000-000000000003")
    };

    record Visit(int link, long visitor, int minutesLater) {}

    private record Key(int link, long visitor) {}

    private record Remembered(UUID click, long at) {}

    @Property(tries = 300)
    void countsAVisitorOnceAnHourPerLink(@ForAll("visits") List<Visit> visits) {
        Ticks clock = new Ticks();
        RecentVisitors visitors = new RecentVisitors(clock, 4_096);
        Map<Key, Remembered> model = new HashMap<>();
        long n = 0;
        for (Visit visit : visits) {
            clock.millis += visit.minutesLater() * 60_000L;
            UUID fresh = new UUID(0x7000L, ++n);
            Key key = new Key(visit.link(), visit.visitor());
            Remembered before = model.get(key);
            Optional<UUID> expected = before != null && clock.millis - before.at() < RecentVisitors.WINDOW.toMillis()
                    ? Optional.of(before.click())
                    : Optional.empty();
            if (expected.isEmpty()) {
                model.put(key, new Remembered(fresh, clock.millis));
            }

            assertThat(visitors.earlierClick(LINKS[visit.link()], visit.visitor() * 31, visit.visitor(), fresh))
                    .as("visit %d: %s", n, visit)
                    .isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<Visit>> visits() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, LINKS.length - 1),
                        Arbitraries.longs().between(1, 25),
                        Arbitraries.integers().between(0, 40))
                .as(Visit::new)
                .list()
                .ofMaxSize(200);
    }

    @Example
    void aFullSetForgetsTheVisitorRememberedLongestAgo() {
        Ticks clock = new Ticks();
        RecentVisitors visitors = new RecentVisitors(clock, RecentVisitors.WAYS);
        assertThat(visitors.capacity()).isEqualTo(RecentVisitors.WAYS);
        for (long visitor = 1; visitor <= RecentVisitors.WAYS + 1; visitor++) {
            clock.millis += 1_000;
            assertThat(visitors.earlierClick(LINKS[0], visitor, visitor, new UUID(1, visitor)))
                    .isEmpty();
        }

        assertThat(visitors.earlierClick(LINKS[0], 2, 2, new UUID(2, 2))).contains(new UUID(1, 2));
        assertThat(visitors.earlierClick(LINKS[0], 1, 1, new UUID(2, 1)))
                .as("evicted")
                .isEmpty();
    }

    @Example
    void holdsAtLeastTheCapacityAskedFor() {
        assertThat(new RecentVisitors(new Ticks(), 200_000).capacity()).isBetween(200_000, 400_000);
        assertThat(new RecentVisitors(new Ticks(), 4_096).capacity()).isEqualTo(4_096);
    }

    /** A clock that moves only when told, from the suite's usual day. */
    private static final class Ticks extends Clock {
        long millis = Instant.parse("2026-11-18T10:00:00Z").toEpochMilli();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }
}
