package dev.canopy.programs.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JobRunTable {

    private final JdbcClient db;

    JobRunTable(JdbcClient db) {
        this.db = db;
    }

    /** True for the one node (and the one call) that gets to run {@code job} on {@code day}. */
    public boolean claim(String job, LocalDate day, Instant now) {
        return db.sql("insert into programs_job_run (job, run_on, started_at) values (?, ?, ?) on conflict do nothing")
                        .params(job, day, Rows.ts(now))
                        .update()
                == 1;
    }
}
