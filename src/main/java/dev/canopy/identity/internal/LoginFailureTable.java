package dev.canopy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

@Repository
public class LoginFailureTable {

    private final JdbcClient db;
    private final Clock clock;

    LoginFailureTable(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void insert(String email, String clientIp, Instant at) {
        db.sql("insert into identity_login_failure (email, client_ip, attempted_at) values (?, ?, ?)")
                .params(email, clientIp, Timestamp.from(at))
                .update();
    }

    /** A successful sign-in starts the address's count afresh. */
    public void forget(String email) {
        db.sql("delete from identity_login_failure where email = ?")
                .param(email)
                .update();
    }

    public List<Instant> forAccountSince(String email, Instant since) {
        return db.sql(
                        "select attempted_at from identity_login_failure where email = ? and attempted_at > ? order by attempted_at desc limit 100")
                .params(email, Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    public List<Instant> forIpSince(String clientIp, Instant since) {
        return db.sql(
                        "select attempted_at from identity_login_failure where client_ip = ? and attempted_at > ? order by attempted_at desc limit 100")
                .params(clientIp, Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOld() {
        // The application's clock, not the database's: attempts are stamped with it.
        db.sql("delete from identity_login_failure where attempted_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }
}
