package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class ClickBatchesAreStoredExactlyOnce {

    @Autowired
    ClickTable clicks;

    @Autowired
    JdbcClient db;

    @Test
    void aBatchRetriedAfterItWasStoredIsNotStoredAgainAndOddTextSurvives() {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        Instant at = Instant.parse("2026-11-18T10:15:30.123456Z");
        String agent = "Mozilla/5.0 \\ odd\tagent\nwith \"quotes\" and \\N and ünïcode";
        List<Click> batch =
                List.of(click(workspace, at, agent, null), click(workspace, at, "plain", "https://www.linkedin.com/"));

        clicks.insert(batch);
        clicks.insert(batch);

        assertThat(db.sql(
                                "select user_agent, referrer, clicked_at from tracking_click where workspace_id = ? order by user_agent")
                        .param(workspace.value())
                        .query((rs, n) -> List.of(
                                rs.getString(1),
                                String.valueOf(rs.getString(2)),
                                rs.getTimestamp(3).toInstant().toString()))
                        .list())
                .containsExactly(
                        List.of(agent, "null", at.toString()),
                        List.of("plain", "https://www.linkedin.com/", at.toString()));
    }

    @Test
    void aBatchLargerThanOneChunkArrivesWholeAndItsRetryIsStillRecognised() {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        Instant at = Instant.parse("2026-11-18T10:15:30Z");
        // Rows of uneven length, some of several kilobytes in two-byte characters, so that row and field boundaries
        // fall everywhere across the chunks the batch is sent in.
        List<Click> batch = IntStream.range(0, 3_000)
                .mapToObj(i -> click(
                        workspace,
                        at.plusMillis(i),
                        "agent-" + i + "-" + "ü".repeat(i % 7 == 0 ? 2_000 : i % 97),
                        i % 3 == 0 ? null : "https://ref.example/" + "x".repeat(i % 1_000)))
                .toList();
        Map<String, String> expected = new HashMap<>();
        batch.forEach(c -> expected.put(c.userAgent(), String.valueOf(c.referrer())));

        clicks.insert(batch);
        clicks.insert(batch);

        Map<String, String> stored = new HashMap<>();
        db.sql("select user_agent, referrer from tracking_click where workspace_id = ?")
                .param(workspace.value())
                .query(rs -> {
                    assertThat(stored.put(rs.getString(1), String.valueOf(rs.getString(2))))
                            .isNull();
                });
        assertThat(stored).hasSize(3_000).isEqualTo(expected);
    }

    private static Click click(WorkspaceId workspace, Instant at, String agent, String referrer) {
        return TrackingFixtures.click(workspace, at, "0123456789abcdef0123456789abcdef", agent, referrer);
    }
}
