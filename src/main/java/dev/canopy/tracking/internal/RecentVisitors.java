package dev.canopy.tracking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 */
@Component
public class RecentVisitors {

    public static final Duration WINDOW = Duration.ofHours(1);

    // Four longs, not a UUID and a string: every entry lives for up to an hour, so its size is what the
    // old generation fills with under a flood of visitors.
    private record Visit(long linkHigh, long linkLow, long visitorHigh, long visitorLow) {}

    private final Cache<Visit, UUID> visits;

    RecentVisitors(Clock clock, @Value("${canopy.tracking.recent-visitors:200000}") long capacity) {
        this.visits = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(WINDOW)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /**
     * The click id of this visitor's earlier click on the link within the hour, if there was one;
     * otherwise {@code fresh} is remembered as its click and nothing is returned.
     */
    public Optional<UUID> earlierClick(UUID link, long visitorHigh, long visitorLow, UUID fresh) {
        Visit visit = new Visit(link.getMostSignificantBits(), link.getLeastSignificantBits(), visitorHigh, visitorLow);
        return Optional.ofNullable(visits.asMap().putIfAbsent(visit, fresh));
    }
}
