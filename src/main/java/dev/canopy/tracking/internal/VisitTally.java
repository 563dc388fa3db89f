package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the redirect answered without queuing a click — a visitor's repeat on a link within the hour, a known bot's
 * request — counted per link and UTC day in this node's memory; the click writer adds them to the click rollups
 * about once a second. They never go through the click queue, so a flood of bots cannot push people's clicks out of
 * it. A node that dies loses at most its last second of these counts, never a click.
 */
@Component
public class VisitTally {

    /** A link's repeats and bots on one day, counted since the last {@link #take()}. */
    public record Visits(
            WorkspaceId workspace, UUID link, UUID partner, UUID program, LocalDate day, long repeats, long bots) {}

    private record Key(WorkspaceId workspace, UUID link, UUID partner, UUID program, LocalDate day) {}

    private static final class Counts {
        final AtomicLong repeats = new AtomicLong();
        final AtomicLong bots = new AtomicLong();
    }

    private final ConcurrentHashMap<Key, Counts> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    VisitTally(Clock clock) {
        this.clock = clock;
    }

    public void repeat(RedirectTarget target) {
        counts(target).repeats.incrementAndGet();
    }

    public void bot(RedirectTarget target) {
        counts(target).bots.incrementAndGet();
    }

    private Counts counts(RedirectTarget target) {
        Key key = new Key(
                target.workspace(),
                target.linkId(),
                target.partnerId(),
                target.programId(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return counts.computeIfAbsent(key, k -> new Counts());
    }

    /**
     * What was counted since the last call, each count taken once (an increment racing this lands in the next
     * call). Days before yesterday that counted nothing are forgotten: no request counts into them any more.
     */
    public List<Visits> take() {
        LocalDate forgotten =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        List<Visits> taken = new ArrayList<>();
        counts.forEach((key, count) -> {
            long repeats = count.repeats.getAndSet(0);
            long bots = count.bots.getAndSet(0);
            if (repeats != 0 || bots != 0) {
                taken.add(new Visits(
                        key.workspace(), key.link(), key.partner(), key.program(), key.day(), repeats, bots));
            } else if (key.day().isBefore(forgotten)) {
                counts.remove(key, count);
            }
        });
        return taken;
    }

    /** Counts taken but not stored go back, to be stored with the next ones. */
    public void giveBack(List<Visits> visits) {
        for (Visits v : visits) {
            Counts count = counts.computeIfAbsent(
                    new Key(v.workspace(), v.link(), v.partner(), v.program(), v.day()), k -> new Counts());
            count.repeats.addAndGet(v.repeats());
            count.bots.addAndGet(v.bots());
        }
    }
}
