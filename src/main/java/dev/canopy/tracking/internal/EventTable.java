package dev.canopy.tracking.internal;

import dev.canopy.platform.Cursors;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.EventSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EventTable {

    /** A received event with what was made of it. */
    public record Row(
            UUID id,
            EventSource source,
            String externalId,
            String type,
            String payload,
            Instant receivedAt,
            String outcome,
            String explanation,
            UUID customerId,
            UUID partnerId) {}

    /** An event in the log, with the amount of the conversion it made (if any) and its customer in words. */
    public record Listed(
            Row event,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable String customer) {}

    private static final String COLUMNS =
            "id, source, external_id, type, payload::text, received_at, outcome, explanation, customer_id, partner_id";

    private final JdbcClient db;

    EventTable(JdbcClient db) {
        this.db = db;
    }

    /** Stores the event as received; empty when this source's event id is stored already. */
    public Optional<UUID> claim(
            WorkspaceId workspace, EventSource source, String externalId, String type, String payload, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = db.sql("""
                        insert into tracking_event (id, workspace_id, source, external_id, type, payload, received_at,
                          outcome, explanation)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, 'RECEIVED', '')
                        on conflict (workspace_id, source, external_id) do nothing
                        """)
                .params(id, workspace.value(), source.name(), externalId, type, payload, Timestamp.from(now))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    public void decide(
            WorkspaceId workspace, UUID id, String outcome, String explanation, UUID customer, UUID partner) {
        db.sql("""
                        update tracking_event set outcome = ?, explanation = ?, customer_id = ?, partner_id = ?
                        where workspace_id = ? and id = ?
                        """)
                .params(outcome, explanation, customer, partner, workspace.value(), id)
                .update();
    }

    public Optional<Row> find(WorkspaceId workspace, EventSource source, String externalId) {
        return db.sql("select " + COLUMNS
                        + " from tracking_event where workspace_id = ? and source = ? and external_id = ?")
                .params(workspace.value(), source.name(), externalId)
                .query(EventTable::row)
                .optional();
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from tracking_event where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(EventTable::row)
                .optional();
    }

    /**
     * Newest first, before {@code before} (a cursor), optionally of one outcome or source; each with the amount of
     * the conversion it made and its customer's name, email or id in the vendor's system.
     */
    public List<Listed> list(
            WorkspaceId workspace, String outcome, String source, Cursors.@Nullable Position after, int limit) {
        return db.sql("""
                        select e.id, e.source, e.external_id, e.type, e.payload::text, e.received_at, e.outcome,
                               e.explanation, e.customer_id, e.partner_id, c.amount, c.currency,
                               coalesce(nullif(cu.name, ''), cu.email, cu.external_id) as customer
                          from (select * from tracking_event
                                 where workspace_id = :workspace
                                   and (cast(:outcome as text) is null or outcome = :outcome)
                                   and (cast(:source as text) is null or source = :source)
                                   and (cast(:at as timestamptz) is null or (received_at, id) < (:at, :id))
                                 order by received_at desc, id desc limit :limit) e
                          left join lateral (
                                select v.amount, v.currency from tracking_conversion v
                                 where v.event_id = e.id and v.workspace_id = e.workspace_id and v.amount is not null
                                 order by v.recorded_at limit 1) c on true
                          left join tracking_customer cu on cu.id = e.customer_id and cu.workspace_id = e.workspace_id
                         order by e.received_at desc, e.id desc
                        """)
                .param("workspace", workspace.value())
                .param("outcome", outcome)
                .param("source", source)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> new Listed(
                        row(rs, n), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("customer")))
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                EventSource.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, UUID.class),
                rs.getObject(10, UUID.class));
    }
}
