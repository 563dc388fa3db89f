package dev.canopy.payouts.internal;

import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payout runs (their lines are in {@link PayoutLineTable}). A run row is locked (FOR UPDATE) by each phase, so phases
 * never overlap.
 */
@Repository
public class RunTable {

    private static final String RUN = """
            select r.*,
                   (select count(*) from payouts_line l where l.run_id = r.id and l.status = 'PAYABLE') as payable_lines,
                   (select count(*) from payouts_line l where l.run_id = r.id and l.status = 'CARRIED') as carried_lines,
                   (select coalesce(string_agg(t.total || ' ' || t.currency, ',' order by t.currency), '') from (
                        select currency, sum(net) as total from payouts_line l where l.run_id = r.id and l.status = 'PAYABLE'
                        group by currency) t) as totals
            from payouts_run r
            """;

    private final JdbcClient db;

    RunTable(JdbcClient db) {
        this.db = db;
    }

    /** Inserts a run unless another is open (or this period's exists); true when inserted. */
    public boolean insert(WorkspaceId workspace, UUID id, String period, Instant cutoff, Actor createdBy, Instant now) {
        return db.sql("""
                        insert into payouts_run (id, workspace_id, reference, period, cutoff, status, created_by, created_by_id,
                            created_by_kind, created_at)
                        select ?, ?, 'PR-' || lpad(n::text, greatest(4, length(n::text)), '0'), ?, ?, 'CLAIMING', ?, ?, ?, ?
                        from (select count(*) + 1 as n from payouts_run where workspace_id = ?) runs
                        on conflict do nothing
                        """)
                        .params(
                                id,
                                workspace.value(),
                                period,
                                Timestamp.from(cutoff),
                                createdBy.name(),
                                createdBy.id(),
                                createdBy.kind().name(),
                                Timestamp.from(now),
                                workspace.value())
                        .update()
                == 1;
    }

    public Optional<PayoutRunView> open(WorkspaceId workspace) {
        return db.sql(RUN + " where r.workspace_id = ? and r.status not in ('PAID', 'NOTHING_TO_PAY')")
                .param(workspace.value())
                .query(RunTable::run)
                .optional();
    }

    public Optional<PayoutRunView> byPeriod(WorkspaceId workspace, String period) {
        return db.sql(RUN + " where r.workspace_id = ? and r.period = ?")
                .params(workspace.value(), period)
                .query(RunTable::run)
                .optional();
    }

    public Optional<PayoutRunView> get(WorkspaceId workspace, UUID id) {
        return db.sql(RUN + " where r.workspace_id = ? and r.id = ?")
                .params(workspace.value(), id)
                .query(RunTable::run)
                .optional();
    }

    /** Locks the run for one phase; empty when it is not this workspace's. */
    public Optional<PayoutRunView> lock(WorkspaceId workspace, UUID id) {
        db.sql("select id from payouts_run where workspace_id = ? and id = ? for update")
                .params(workspace.value(), id)
                .query(UUID.class)
                .optional();
        return get(workspace, id);
    }

    public List<PayoutRunView> list(WorkspaceId workspace) {
        return db.sql(RUN + " where r.workspace_id = ? order by r.created_at desc limit 100")
                .param(workspace.value())
                .query(RunTable::run)
                .list();
    }

    /** Claiming is over: the run awaits approval, or had nothing to pay. */
    public void claimed(WorkspaceId workspace, UUID id, RunLifecycle outcome, boolean needsSecondApproval) {
        db.sql("""
                        update payouts_run set status = ?, needs_second_approval = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                .params(outcome.to().name(), needsSecondApproval, workspace.value(), id, outcome.fromNames())
                .update();
    }

    public void firstApproval(WorkspaceId workspace, UUID id, Actor by, Instant at) {
        db.sql("""
                        update payouts_run set first_approved_by = ?, first_approved_by_id = ?, first_approved_at = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                .params(by.name(), by.id(), Timestamp.from(at), workspace.value(), id, RunLifecycle.APPROVE.fromNames())
                .update();
    }

    public void approved(WorkspaceId workspace, UUID id, Actor by, Instant at) {
        db.sql("""
                        update payouts_run set status = ?, approved_by = ?, approved_by_id = ?, approved_at = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                .params(
                        RunLifecycle.APPROVE.to().name(),
                        by.name(),
                        by.id(),
                        Timestamp.from(at),
                        workspace.value(),
                        id,
                        RunLifecycle.APPROVE.fromNames())
                .update();
    }

    /** Who approved the run (the last of two approvers), by id; empty before approval. */
    public java.util.Optional<String> approvedById(WorkspaceId workspace, UUID id) {
        return db.sql("select approved_by_id from payouts_run where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(String.class)
                .optional();
    }

    /** Exported: each payable line keeps the payout details it is paid to, whatever the partner changes later. */
    public void exported(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("""
                        update payouts_line l set paid_to = to_jsonb(p) from payouts_profile p
                        where l.workspace_id = ? and l.run_id = ? and l.status = 'PAYABLE' and p.partner_id = l.partner_id
                        """).params(workspace.value(), id).update();
        db.sql("""
                        update payouts_run set status = ?, exported_at = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                .params(
                        RunLifecycle.EXPORT.to().name(),
                        Timestamp.from(at),
                        workspace.value(),
                        id,
                        RunLifecycle.EXPORT.fromNames())
                .update();
    }

    public void paid(WorkspaceId workspace, UUID id, String by, Instant at) {
        db.sql("""
                        update payouts_run set status = ?, paid_by = ?, paid_at = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                .params(
                        RunLifecycle.PAY.to().name(),
                        by,
                        Timestamp.from(at),
                        workspace.value(),
                        id,
                        RunLifecycle.PAY.fromNames())
                .update();
    }

    /** The years (in {@code zone}) in which runs were marked paid. */
    public List<Integer> paidYears(WorkspaceId workspace, ZoneId zone) {
        return db.sql("""
                        select distinct extract(year from paid_at at time zone ?)::int from payouts_run
                        where workspace_id = ? and status = 'PAID'
                        """)
                .params(zone.getId(), workspace.value())
                .query(Integer.class)
                .list();
    }

    public boolean recordProviderCall(String batchId, UUID run, String provider, Instant at) {
        return db.sql("""
                        insert into payouts_provider_call (batch_id, run_id, provider, status, called_at)
                        values (?, ?, ?, 'SUBMITTING', ?) on conflict (batch_id) do nothing
                        """).params(batchId, run, provider, Timestamp.from(at)).update() == 1;
    }

    public void providerAnswered(String batchId, String detail) {
        db.sql("update payouts_provider_call set status = 'SUBMITTED', detail = ? where batch_id = ?")
                .params(detail, batchId)
                .update();
    }

    private static PayoutRunView run(ResultSet rs, int n) throws SQLException {
        List<Money> totals = new ArrayList<>();
        String raw = rs.getString("totals");
        if (!raw.isEmpty()) {
            for (String t : raw.split(",")) {
                String[] parts = t.split(" ");
                totals.add(Money.of(new BigDecimal(parts[0]), parts[1]));
            }
        }
        return new PayoutRunView(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("period"),
                rs.getTimestamp("cutoff").toInstant(),
                PayoutRunStatus.valueOf(rs.getString("status")),
                rs.getBoolean("needs_second_approval"),
                new Actor(
                        Actor.Kind.valueOf(rs.getString("created_by_kind")),
                        rs.getString("created_by_id"),
                        rs.getString("created_by")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("first_approved_by"),
                rs.getString("first_approved_by_id"),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                instant(rs, "exported_at"),
                rs.getString("paid_by"),
                instant(rs, "paid_at"),
                totals,
                rs.getInt("payable_lines"),
                rs.getInt("carried_lines"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
