package dev.canopy.platform.db;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A stand-in for a reporting replica in the tests: a second database on the tests' embedded server, migrated like
 * the main one but filled only with what a test puts there, so that a figure read from it shows where it was read.
 */
public final class ReportingReplica {

    public static final String DATABASE = "canopy_replica";

    private static String url;

    private ReportingReplica() {}

    /**
     * The replica's JDBC URL, made and migrated on first use. Called while the tests' server runs (when Canopy's
     * data source is made), so leasing it here neither starts nor stops it.
     */
    public static synchronized String url() {
        if (url == null) {
            url = made();
        }
        return url;
    }

    private static String made() {
        try (EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(EmbeddedPostgresServer.EPHEMERAL, 0)) {
            try (SingleConnectionDataSource admin = new SingleConnectionDataSource(
                    lease.server().getJdbcUrl("postgres", "postgres"), "postgres", "", true)) {
                JdbcClient db = JdbcClient.create(admin);
                if (db.sql("select count(*) from pg_database where datname = ?")
                                .param(DATABASE)
                                .query(Long.class)
                                .single()
                        == 0) {
                    db.sql("create database " + DATABASE).update();
                }
            }
            String replica = lease.server().getJdbcUrl("postgres", DATABASE);
            Flyway.configure()
                    .dataSource(replica, "postgres", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return replica;
        }
    }
}
