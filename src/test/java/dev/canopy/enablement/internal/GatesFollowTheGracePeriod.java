package dev.canopy.enablement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Over any certificates of a few people, on a clock of whole minutes: the gate is open exactly when, at some moment
 * since the requirement was set and within the grace period before now, enough people held a certificate in force —
 * checked against a minute-by-minute count, which is exact because every certificate starts and ends on a minute.
 */
class GatesFollowTheGracePeriod {

    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
    private static final List<UUID> PEOPLE = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Property(tries = 2000)
    void openExactlyWhenMetWithinTheGraceWindow(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 199) Integer> starts,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 120) Integer> lengths,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 2) Integer> people,
            @ForAll @IntRange(min = 1, max = 3) int required,
            @ForAll @IntRange(min = 0, max = 150) int since,
            @ForAll @IntRange(min = 0, max = 220) int now,
            @ForAll @IntRange(min = 0, max = 60) int grace) {
        List<GatePolicy.Held> held = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int length = lengths.isEmpty() ? 0 : lengths.get(i % lengths.size());
            UUID person = PEOPLE.get(people.isEmpty() ? 0 : people.get(i % people.size()));
            // A length of 0 stands for a certificate valid for ever.
            held.add(new GatePolicy.Held(person, at(starts.get(i)), length == 0 ? null : at(starts.get(i) + length)));
        }
        int from = Math.max(since, now - grace);

        GatePolicy.Standing standing =
                GatePolicy.standing(held, required, at(since), at(now), Duration.ofMinutes(grace));

        long heldNow = countAt(held, now);
        boolean metInWindow = false;
        for (int minute = from; minute <= now; minute++) {
            metInWindow |= countAt(held, minute) >= required;
        }
        assertThat(standing.held()).isEqualTo(heldNow);
        boolean open = heldNow >= required || standing.openUntil() != null;
        assertThat(open).as("open").isEqualTo(heldNow >= required || (from <= now && metInWindow));
        if (standing.openUntil() != null) {
            assertThat(standing.openUntil()).isAfter(at(now));
            assertThat(standing.openUntil()).isBeforeOrEqualTo(at(now + grace));
        }
    }

    private static long countAt(List<GatePolicy.Held> held, int minute) {
        return held.stream()
                .filter(h -> !h.from().isAfter(at(minute))
                        && (h.until() == null || h.until().isAfter(at(minute))))
                .map(GatePolicy.Held::person)
                .distinct()
                .count();
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
