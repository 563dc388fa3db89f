package dev.canopy.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo after a crash: the PostgreSQL of a Canopy killed with kill -9 is still running on the data directory.
 * The next start stops it and starts its own on the same data, on another port, with the data intact.
 */
class APostgresLeftRunningIsStoppedBeforeTheNextStart {

    @TempDir
    Path data;

    /** Starts PostgreSQL on the directory given, writes a row, and halts without stopping it. */
    public static final class DeadCanopy {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres orphan = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false)
                    .start();
            try (Connection c = orphan.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create table kept (note text); insert into kept values ('survives')");
            }
            Runtime.getRuntime().halt(9);
        }
    }

    @Test
    void theOrphanIsStoppedAndTheDataKept() throws Exception {
        // As a Canopy killed with kill -9 leaves it: another JVM starts it on the directory and dies at once.
        Process dead = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DeadCanopy.class.getName(),
                        data.toString())
                .inheritIO()
                .start();
        assertThat(dead.waitFor()).as("the dead Canopy's exit").isEqualTo(9);
        long pid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        try {
            try (EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(data, 0)) {
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("the orphan")
                        .isEqualTo(Optional.empty());
                try (Connection c = lease.server().getPostgresDatabase().getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select note from kept")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("survives");
                }
            }
        } finally {
            // Should the start fail, the orphan must not outlive the test.
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }
}
