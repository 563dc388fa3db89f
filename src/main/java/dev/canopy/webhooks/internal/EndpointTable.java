package dev.canopy.webhooks.internal;

import dev.canopy.shared.WorkspaceId;
import dev.canopy.webhooks.WebhookEndpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's endpoints and their signing secrets; every query by workspace. */
@Repository
public class EndpointTable {

    /** An endpoint's secrets: the current one, and the one it replaced while both still sign. */
    public record Secrets(String current, String previous, Instant previousUntil) {}

    private static final String COLUMNS =
            "id, url, description, event_types, disabled_at, disabled_reason, failing_since, created_at";

    private final JdbcClient db;

    EndpointTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, WebhookEndpoint endpoint, String secret) {
        db.sql("""
                        insert into webhooks_endpoint (id, workspace_id, url, description, event_types, secret,
                                                       created_at, updated_at)
                        values (:id, :workspace, :url, :description, :types, :secret, :at, :at)
                        """)
                .param("id", endpoint.id())
                .param("workspace", workspace.value())
                .param("url", endpoint.url())
                .param("description", endpoint.description())
                .param("types", endpoint.eventTypes().toArray(String[]::new))
                .param("secret", secret)
                .param("at", Timestamp.from(endpoint.createdAt()))
                .update();
    }

    public List<WebhookEndpoint> list(WorkspaceId workspace) {
        return db.sql("select " + COLUMNS + " from webhooks_endpoint where workspace_id = :workspace"
                        + " order by created_at, id")
                .param("workspace", workspace.value())
                .query(EndpointTable::endpoint)
                .list();
    }

    public Optional<WebhookEndpoint> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from webhooks_endpoint where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(EndpointTable::endpoint)
                .optional();
    }

    /** The enabled endpoints of a workspace, for a new message. */
    public List<WebhookEndpoint> enabled(WorkspaceId workspace) {
        return db.sql("select " + COLUMNS + " from webhooks_endpoint where workspace_id = :workspace"
                        + " and disabled_at is null")
                .param("workspace", workspace.value())
                .query(EndpointTable::endpoint)
                .list();
    }

    public boolean update(
            WorkspaceId workspace, UUID id, String url, String description, List<String> types, Instant at) {
        return db.sql("""
                        update webhooks_endpoint set url = :url, description = :description, event_types = :types,
                                                     updated_at = :at
                        where workspace_id = :workspace and id = :id
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("url", url)
                        .param("description", description)
                        .param("types", types.toArray(String[]::new))
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public boolean delete(WorkspaceId workspace, UUID id) {
        return db.sql("delete from webhooks_endpoint where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Stops deliveries to an endpoint that is enabled, and fails what was pending to it; false when it was not
     * enabled. A pending delivery another node is settling right now is skipped, not waited for (two nodes disabling
     * at once would deadlock): it stays pending, and is not claimed while its endpoint is disabled.
     */
    public boolean disable(WorkspaceId workspace, UUID id, String reason, Instant at) {
        boolean disabled = db.sql("""
                        update webhooks_endpoint set disabled_at = :at, disabled_reason = :reason, updated_at = :at
                        where workspace_id = :workspace and id = :id and disabled_at is null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("reason", reason)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
        if (disabled) {
            db.sql("""
                            update webhooks_delivery set status = 'failed', next_attempt_at = null
                            where id in (
                                select id from webhooks_delivery
                                where workspace_id = :workspace and endpoint_id = :endpoint and status = 'pending'
                                for update skip locked)
                            """)
                    .param("workspace", workspace.value())
                    .param("endpoint", id)
                    .update();
        }
        return disabled;
    }

    public boolean enable(WorkspaceId workspace, UUID id, Instant at) {
        return db.sql("""
                        update webhooks_endpoint set disabled_at = null, disabled_reason = null, failing_since = null,
                                                     updated_at = :at
                        where workspace_id = :workspace and id = :id and disabled_at is not null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public Optional<Secrets> secrets(WorkspaceId workspace, UUID id) {
        return db.sql("select secret, previous_secret, previous_until from webhooks_endpoint"
                        + " where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query((rs, n) -> new Secrets(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .optional();
    }

    /** A new secret; the old one keeps signing until {@code previousUntil}. */
    public boolean rotate(WorkspaceId workspace, UUID id, String secret, Instant previousUntil, Instant at) {
        return db.sql("""
                        update webhooks_endpoint set previous_secret = secret, previous_until = :until,
                                                     secret = :secret, updated_at = :at
                        where workspace_id = :workspace and id = :id
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("secret", secret)
                        .param("until", Timestamp.from(previousUntil))
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** A delivery failed: the endpoint is failing from now, unless it already was. Returns since when. */
    public Instant failing(WorkspaceId workspace, UUID id, Instant at) {
        return db.sql("""
                        update webhooks_endpoint set failing_since = coalesce(failing_since, :at)
                        where workspace_id = :workspace and id = :id returning failing_since
                        """)
                .param("workspace", workspace.value())
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(at);
    }

    public void healthy(WorkspaceId workspace, UUID id) {
        db.sql("update webhooks_endpoint set failing_since = null where workspace_id = :workspace and id = :id"
                        + " and failing_since is not null")
                .param("workspace", workspace.value())
                .param("id", id)
                .update();
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int n) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                instant(rs.getTimestamp("disabled_at")),
                rs.getString("disabled_reason"),
                instant(rs.getTimestamp("failing_since")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
