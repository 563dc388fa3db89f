package dev.canopy.webhooks.internal;

import dev.canopy.shared.WorkspaceId;
import dev.canopy.webhooks.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: messages, their deliveries to each endpoint, and the log of every attempt. */
@Repository
public class DeliveryTable {

    /** A delivery a node has claimed: it alone sends this attempt until {@code claimedUntil}. */
    public record Claim(
            long id,
            WorkspaceId workspace,
            UUID endpointId,
            String url,
            String messageId,
            String payload,
            Instant messageCreatedAt,
            int attempt,
            Instant claimedUntil) {}

    private final JdbcClient db;

    DeliveryTable(JdbcClient db) {
        this.db = db;
    }

    public void message(WorkspaceId workspace, String id, String type, String payload, Instant at) {
        db.sql("""
                        insert into webhooks_message (id, workspace_id, event_type, payload, created_at)
                        values (:id, :workspace, :type, :payload, :at)
                        """)
                .param("id", id)
                .param("workspace", workspace.value())
                .param("type", type)
                .param("payload", payload)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void deliver(WorkspaceId workspace, UUID endpoint, String message, boolean ordered, Instant at) {
        db.sql("""
                        insert into webhooks_delivery (workspace_id, endpoint_id, message_id, status, ordered,
                                                       next_attempt_at, created_at)
                        values (:workspace, :endpoint, :message, 'pending', :ordered, :at, :at)
                        on conflict (endpoint_id, message_id) do nothing
                        """)
                .param("workspace", workspace.value())
                .param("endpoint", endpoint)
                .param("message", message)
                .param("ordered", ordered)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Up to {@code limit} deliveries due at {@code now}, claimed for {@code lease}: rows other nodes hold are
     * skipped, and a claim that ran out (its node died mid-attempt) is due again. Of an endpoint's ordered deliveries
     * only the oldest pending one can be claimed (so one is in flight at a time); nothing goes to a disabled endpoint.
     * Up to twice {@code limit}: that many of each kind.
     */
    public List<Claim> claim(Instant now, Duration lease, int limit) {
        Instant until = now.plus(lease);
        return db.sql("""
                        with unordered as (
                            select d.id from webhooks_delivery d
                            where d.status = 'pending' and not d.ordered and d.next_attempt_at <= :now
                              and (d.claimed_until is null or d.claimed_until < :now)
                              and exists (
                                  select 1 from webhooks_endpoint p where p.id = d.endpoint_id and p.disabled_at is null)
                            order by d.next_attempt_at
                            limit :limit
                            for update of d skip locked
                        ), heads as (
                            select d.id from webhooks_endpoint p
                            cross join lateral (
                                select e.id from webhooks_delivery e
                                where e.endpoint_id = p.id and e.status = 'pending' and e.ordered
                                order by e.id limit 1) head
                            join webhooks_delivery d on d.id = head.id
                            where p.disabled_at is null and d.next_attempt_at <= :now
                              and (d.claimed_until is null or d.claimed_until < :now)
                            limit :limit
                            for update of d skip locked
                        ), due as (
                            select id from unordered union all select id from heads
                        )
                        update webhooks_delivery d set claimed_until = :until, attempts = d.attempts + 1
                        from due, webhooks_endpoint p, webhooks_message m
                        where d.id = due.id and p.id = d.endpoint_id and m.id = d.message_id
                        returning d.id, d.workspace_id, d.endpoint_id, p.url, d.message_id, m.payload, m.created_at,
                                  d.attempts, d.claimed_until
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("limit", limit)
                .query((rs, n) -> new Claim(
                        rs.getLong(1),
                        new WorkspaceId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    public void attempt(Claim claim, Instant at, Integer status, String body, String error, Duration latency) {
        db.sql("""
                        insert into webhooks_attempt (workspace_id, delivery_id, attempt, attempted_at, response_status,
                                                      response_body, error, latency_ms)
                        values (:workspace, :delivery, :attempt, :at, :status, :body, :error, :latency)
                        """)
                .param("workspace", claim.workspace().value())
                .param("delivery", claim.id())
                .param("attempt", claim.attempt())
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("body", body)
                .param("error", error)
                .param("latency", (int) Math.min(Integer.MAX_VALUE, latency.toMillis()))
                .update();
    }

    /**
     * The claimed attempt's result: delivered, failed for good, or pending again at {@code next}. Only while the
     * claim is still this node's: false when it ran out and another node took the delivery over.
     */
    public boolean settle(Claim claim, String status, Instant next) {
        return db.sql("""
                        update webhooks_delivery set status = :status, next_attempt_at = :next, claimed_until = null
                        where id = :id and claimed_until = :until
                        """)
                        .param("id", claim.id())
                        .param("until", Timestamp.from(claim.claimedUntil()))
                        .param("status", status)
                        .param("next", next == null ? null : Timestamp.from(next))
                        .update()
                == 1;
    }

    /** The endpoint's deliveries before {@code before} (null: from the newest), newest first, each's latest attempt. */
    public List<WebhookDelivery> list(WorkspaceId workspace, UUID endpoint, Long before, int limit) {
        return db.sql("""
                        select d.id, d.endpoint_id, d.message_id, m.event_type, d.status, d.attempts, d.next_attempt_at,
                               a.response_status, a.error, d.created_at
                        from webhooks_delivery d
                        join webhooks_message m on m.id = d.message_id
                        left join lateral (
                            select response_status, error from webhooks_attempt
                            where delivery_id = d.id order by attempt desc limit 1) a on true
                        where d.workspace_id = :workspace and d.endpoint_id = :endpoint
                          and (cast(:before as bigint) is null or d.id < :before)
                        order by d.id desc
                        limit :limit
                        """)
                .param("workspace", workspace.value())
                .param("endpoint", endpoint)
                .param("before", before)
                .param("limit", limit)
                .query(DeliveryTable::delivery)
                .list();
    }

    /** Sends a delivery again from now, whatever became of it; false when it is not the workspace's. */
    public Optional<UUID> endpointOf(WorkspaceId workspace, long id) {
        return db.sql("select endpoint_id from webhooks_delivery where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    public boolean replay(WorkspaceId workspace, long id, Instant now) {
        return db.sql("""
                        update webhooks_delivery set status = 'pending', next_attempt_at = :now, claimed_until = null
                        where workspace_id = :workspace and id = :id
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Sends again every failed delivery to an endpoint made between {@code from} and {@code to}. */
    public int replayFailed(WorkspaceId workspace, UUID endpoint, Instant from, Instant to, Instant now) {
        return db.sql("""
                        update webhooks_delivery set status = 'pending', next_attempt_at = :now, claimed_until = null
                        where workspace_id = :workspace and endpoint_id = :endpoint and status = 'failed'
                          and created_at >= :from and created_at < :to
                        """)
                .param("workspace", workspace.value())
                .param("endpoint", endpoint)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The delivery log is kept 90 days: attempts older go, and messages no delivery needs any more. */
    public int forget(Instant before) {
        int attempts = db.sql("delete from webhooks_attempt where attempted_at < :before")
                .param("before", Timestamp.from(before))
                .update();
        db.sql("""
                        delete from webhooks_delivery where status <> 'pending' and created_at < :before
                        """).param("before", Timestamp.from(before)).update();
        db.sql("""
                        delete from webhooks_message m where m.created_at < :before
                          and not exists (select 1 from webhooks_delivery d where d.message_id = m.id)
                        """).param("before", Timestamp.from(before)).update();
        return attempts;
    }

    private static WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new WebhookDelivery(
                rs.getLong("id"),
                rs.getObject("endpoint_id", UUID.class),
                rs.getString("message_id"),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                next == null ? null : next.toInstant(),
                (Integer) rs.getObject("response_status"),
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant());
    }
}
