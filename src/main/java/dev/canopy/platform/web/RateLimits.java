package dev.canopy.platform.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Requests counted per bucket (an API key) and clock minute in PostgreSQL, so that every node counts against
 * the same limit: one upsert per request, its row locked only for that statement.
 */
@Repository
class RateLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final JdbcClient db;
    private final Clock clock;

    RateLimits(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What one more request in {@code bucket} makes of the current window. */
    record Use(int used, Instant windowEnds) {}

    Use count(String bucket) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        int used = db.sql("""
                        insert into platform_rate_limit (bucket, window_start, used) values (?, ?, 1)
                        on conflict (bucket, window_start) do update set used = platform_rate_limit.used + 1
                        returning used
                        """)
                .params(bucket, Timestamp.from(window))
                .query(Integer.class)
                .single();
        return new Use(used, window.plus(WINDOW));
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetPastWindows() {
        db.sql("delete from platform_rate_limit where window_start < ?")
                .param(Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(2))))
                .update();
    }
}
