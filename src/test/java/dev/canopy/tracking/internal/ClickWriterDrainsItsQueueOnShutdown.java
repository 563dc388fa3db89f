package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.partners.Partners;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.tracking.TrackingFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A writer of its own (the application's keeps running): everything queued is written when it stops, even while it
 * lingers between batches, and clicks arriving while it lingers are written together.
 */
@CanopyTest
class ClickWriterDrainsItsQueueOnShutdown {

    private static final Instant CLICKED = Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ClickTable clicks;

    @Autowired
    ClickRollups rollups;

    @Autowired
    Partners partners;

    @Autowired
    JdbcClient db;

    @Test
    void clicksStillQueuedAtShutdownAreWrittenBeforeItStops() {
        ClickWriter writer = writer(50_000, 10_000, Duration.ofMillis(200));
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        writer.start();
        for (int i = 0; i < 20_000; i++) {
            writer.offer(click(workspace, i));
        }
        writer.stop();

        assertThat(writer.counts().accepted()).isEqualTo(20_000);
        assertThat(writer.counts().written()).isEqualTo(20_000);
        assertThat(db.sql("select count(*) from tracking_click where workspace_id = ?")
                        .param(workspace.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(20_000);
    }

    @Test
    void aFullQueueCountsWhatItCannotTakeAsDropped() {
        ClickWriter writer = writer(10, 1_000, Duration.ZERO);
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        int taken = 0;
        for (int i = 0; i < 25; i++) {
            if (writer.offer(click(workspace, i))) {
                taken++;
            }
        }

        assertThat(taken).isEqualTo(10);
        assertThat(writer.counts().dropped()).isEqualTo(15);
        assertThat(writer.counts().queued()).isEqualTo(10);
    }

    @Test
    void clicksArrivingWhileItLingersAreWrittenInOneBatch() throws InterruptedException {
        ClickWriter writer = writer(1_000, 10_000, Duration.ofSeconds(1));
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        writer.start();
        try {
            writer.offer(click(workspace, 0));
            awaitWritten(writer, 1);
            assertThat(writer.counts().batches()).isEqualTo(1);
            // One at a time, as a trickle of redirects offers them: without the linger each would be its own batch.
            for (int i = 1; i <= 10; i++) {
                writer.offer(click(workspace, i));
                Thread.sleep(20);
            }
            awaitWritten(writer, 11);
            assertThat(writer.counts().written()).isEqualTo(11);
            assertThat(writer.counts().batches()).isEqualTo(2);
        } finally {
            writer.stop();
        }
    }

    @Test
    void stoppingWhileItLingersWritesWhatWaitsAtOnce() throws InterruptedException {
        ClickWriter writer = writer(1_000, 10_000, Duration.ofSeconds(1));
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        writer.start();
        writer.offer(click(workspace, 0));
        awaitWritten(writer, 1);
        writer.offer(click(workspace, 1));
        writer.stop();

        assertThat(writer.counts().written()).isEqualTo(2);
        assertThat(writer.isRunning()).isFalse();
    }

    @Test
    void aLingerBeyondASecondIsRefused() {
        assertThatThrownBy(() -> writer(10, 1_000, Duration.ofMillis(1_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("canopy.tracking.click-batch-linger");
    }

    private static void awaitWritten(ClickWriter writer, long clicks) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (writer.counts().written() < clicks && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private ClickWriter writer(int capacity, long drainMillis, Duration linger) {
        return new ClickWriter(
                clicks,
                rollups,
                partners,
                new VisitTally(Clock.systemUTC()),
                new SimpleMeterRegistry(),
                capacity,
                drainMillis,
                linger);
    }

    private static Click click(WorkspaceId workspace, int i) {
        return TrackingFixtures.click(workspace, CLICKED.plusMillis(i), "visitor-" + i, "Mozilla/5.0", null);
    }
}
