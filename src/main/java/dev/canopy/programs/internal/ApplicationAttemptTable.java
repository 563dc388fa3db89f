package dev.canopy.programs.internal;

import dev.canopy.platform.TransactionLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Applications accepted per client, in PostgreSQL so the rate limit holds across every node. */
@Repository
public class ApplicationAttemptTable {

    private final JdbcClient db;
    private final Clock clock;

    ApplicationAttemptTable(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Serializes one client's submissions until the transaction ends, so two at once cannot both slip under. */
    public void lock(String clientKey) {
        TransactionLocks.lock(db, "programs-application:" + clientKey);
    }

    public int countSince(String clientKey, Instant since) {
        return db.sql("select count(*) from programs_application_attempt where client_key = ? and attempted_at > ?")
                .params(clientKey, Rows.ts(since))
                .query(Integer.class)
                .single();
    }

    public void insert(String clientKey, Instant at) {
        db.sql("insert into programs_application_attempt (client_key, attempted_at) values (?, ?)")
                .params(clientKey, Rows.ts(at))
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOld() {
        // The application's clock, not the database's: attempts are stamped with it.
        db.sql("delete from programs_application_attempt where attempted_at < ?")
                .param(Rows.ts(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }
}
