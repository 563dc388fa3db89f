package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.Partners;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A writer of its own (the application's keeps running): everything queued is written when it stops. */
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
        ClickWriter writer = new ClickWriter(
                clicks,
                rollups,
                partners,
                new VisitTally(Clock.systemUTC()),
                new SimpleMeterRegistry(),
                50_000,
                10_000);
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        writer.start();
        for (int i = 0; i < 20_000; i++) {
            Instant at = CLICKED.plusMillis(i);
            writer.offer(new Click(
                    ClickIds.next(at.toEpochMilli()),
                    workspace,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    at,
                    "visitor-" + i,
                    null,
                    "Mozilla/5.0",
                    null,
                    null));
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
        ClickWriter writer = new ClickWriter(
                clicks, rollups, partners, new VisitTally(Clock.systemUTC()), new SimpleMeterRegistry(), 10, 1_000);
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        int taken = 0;
        for (int i = 0; i < 25; i++) {
            Instant at = CLICKED.plusMillis(i);
            if (writer.offer(new Click(
                    ClickIds.next(at.toEpochMilli()),
                    workspace,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    at,
                    "v" + i,
                    null,
                    null,
                    null,
                    null))) {
                taken++;
            }
        }

        assertThat(taken).isEqualTo(10);
        assertThat(writer.counts().dropped()).isEqualTo(15);
        assertThat(writer.counts().queued()).isEqualTo(10);
    }
}
