package dev.canopy.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who clicked which link in the last hour, in memory: the same visitor on the same link counts once and
 * keeps its first click id. Bounded, so a flood of distinct visitors evicts the oldest rather than
 * growing the heap. Per node: behind a load balancer without sticky sessions a visitor may count once per
 * node per hour (ADR 14).
 *
 * <p>One array of longs, allocated at start, in sets of {@link #WAYS} entries: remembering a visitor
 * allocates nothing. A cache of objects made a node per entry that lived a few seconds under a flood of
 * new visitors, long enough to be promoted, and filled the old generation until a full collection
 * stopped the redirect (ADR 20).
 */
@Component
public class RecentVisitors {

    public static final Duration WINDOW = Duration.ofHours(1);

    static final int WAYS = 8;
    // Per entry: the link's and the visitor's 128 bits, the click id's, and when it was remembered (0: free).
    private static final int STRIDE = 7;
    private static final int STRIPES = 1024;

    private final Clock clock;
    private final long[] entries;
    private final int setMask;
    private final Object[] locks = new Object[STRIPES];

    RecentVisitors(Clock clock, @Value("${canopy.tracking.recent-visitors:200000}") long capacity) {
        if (capacity < WAYS || capacity > (1L << 24)) {
            throw new IllegalArgumentException(
                    "canopy.tracking.recent-visitors must be between " + WAYS + " and " + (1 << 24));
        }
        this.clock = clock;
        int sets = Integer.highestOneBit((int) ((capacity + WAYS - 1) / WAYS));
        if ((long) sets * WAYS < capacity) {
            sets <<= 1;
        }
        this.entries = new long[sets * WAYS * STRIDE];
        this.setMask = sets - 1;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** How many visitor-and-link pairs fit (the capacity asked for, rounded up to whole sets). */
    int capacity() {
        return entries.length / STRIDE;
    }

    /**
     * The click id of this visitor's earlier click on the link within the hour, if there was one;
     * otherwise {@code fresh} is remembered as its click and nothing is returned. When the link's set is
     * full, the entry remembered longest ago makes room.
     */
    public Optional<UUID> earlierClick(UUID link, long visitorHigh, long visitorLow, UUID fresh) {
        long linkHigh = link.getMostSignificantBits();
        long linkLow = link.getLeastSignificantBits();
        long now = Math.max(1, clock.millis());
        long expired = now - WINDOW.toMillis();
        int set = spread(linkHigh ^ linkLow ^ visitorHigh ^ visitorLow) & setMask;
        int first = set * WAYS * STRIDE;
        synchronized (locks[set & (STRIPES - 1)]) {
            int free = -1;
            long oldest = Long.MAX_VALUE;
            for (int at = first; at < first + WAYS * STRIDE; at += STRIDE) {
                long remembered = entries[at + 6];
                boolean live = remembered != 0 && remembered > expired;
                if (live
                        && entries[at] == linkHigh
                        && entries[at + 1] == linkLow
                        && entries[at + 2] == visitorHigh
                        && entries[at + 3] == visitorLow) {
                    return Optional.of(new UUID(entries[at + 4], entries[at + 5]));
                }
                long age = live ? remembered : 0; // a free or expired entry is taken first
                if (age < oldest) {
                    oldest = age;
                    free = at;
                }
            }
            entries[free] = linkHigh;
            entries[free + 1] = linkLow;
            entries[free + 2] = visitorHigh;
            entries[free + 3] = visitorLow;
            entries[free + 4] = fresh.getMostSignificantBits();
            entries[free + 5] = fresh.getLeastSignificantBits();
            entries[free + 6] = now;
            return Optional.empty();
        }
    }

    // The visitor's bits are a hash already; mixing keeps sets even when links share their high bits.
    private static int spread(long bits) {
        bits ^= bits >>> 33;
        bits *= 0xff51afd7ed558ccdL;
        bits ^= bits >>> 33;
        return (int) bits;
    }
}
