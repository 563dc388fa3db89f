package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionKind;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Commissions and their moves. Every move is one guarded UPDATE (the row must still be in a state it can
 * leave), so two people acting on the same commission at once move it once; each answers the rows it
 * moved for the ledger.
 */
@Repository
public class CommissionTable {

    /** A commission that moved: what the ledger needs to post for it. */
    public record Moved(UUID id, PartnerId partner, CommissionKind kind, Money amount, boolean payable) {}

    private static final String SELECT = """
            select c.*, s.kind as source_kind, s.description as source_description, s.quantity
            from commissions_commission c join commissions_source s on s.id = c.source_id
            """;

    private final JdbcClient db;

    CommissionTable(JdbcClient db) {
        this.db = db;
    }

    public List<CommissionView> list(
            WorkspaceId workspace,
            CommissionFilter filter,
            int limit,
            Function<PartnerId, String> partnerNames,
            Function<ProgramId, String> programNames) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (filter.status() != null) {
            sql.append(" and c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.partner() != null) {
            sql.append(" and c.partner_id = ?");
            params.add(filter.partner().value());
        }
        if (filter.program() != null) {
            sql.append(" and c.program_id = ?");
            params.add(filter.program().value());
        }
        if (filter.after() != null) {
            sql.append(" and (c.created_at, c.id) < (select created_at, id from commissions_commission"
                    + " where workspace_id = ? and id = ?)");
            params.add(workspace.value());
            params.add(UUID.fromString(filter.after()));
        }
        sql.append(" order by c.created_at desc, c.id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString())
                .params(params)
                .query((rs, n) -> map(rs, partnerNames, programNames))
                .list();
    }

    public Optional<CommissionView> get(
            WorkspaceId workspace,
            UUID id,
            Function<PartnerId, String> partnerNames,
            Function<ProgramId, String> programNames) {
        return db.sql(SELECT + " where c.workspace_id = ? and c.id = ?")
                .params(workspace.value(), id)
                .query((rs, n) -> map(rs, partnerNames, programNames))
                .optional();
    }

    /** Which of {@code ids} are commissions of the workspace. */
    public Set<UUID> known(WorkspaceId workspace, Collection<UUID> ids) {
        return new HashSet<>(
                db.sql("select id from commissions_commission where workspace_id = ? and id = any(?::uuid[])")
                        .params(workspace.value(), ids.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    public List<CommissionView> bySource(WorkspaceId workspace, UUID source) {
        return db.sql(SELECT
                        + " where c.workspace_id = ? and (c.source_id = ? or s.reverses = ?) order by c.created_at")
                .params(workspace.value(), source, source)
                .query((rs, n) -> map(rs, p -> null, p -> null))
                .list();
    }

    public List<CommissionView> inRun(
            WorkspaceId workspace,
            UUID run,
            PartnerId partner,
            String currency,
            Function<PartnerId, String> partnerNames,
            Function<ProgramId, String> programNames) {
        return db.sql(SELECT + """
                         where c.workspace_id = ? and c.payout_run_id = ? and c.partner_id = ? and c.currency = ?
                         order by c.occurred_at, c.id
                        """)
                .params(workspace.value(), run, partner.value(), currency)
                .query((rs, n) -> map(rs, partnerNames, programNames))
                .list();
    }

    /** Moves the given commissions that are in one of {@code from} to {@code to}; answers the moved ones. */
    public List<Moved> move(
            WorkspaceId workspace,
            Collection<UUID> ids,
            CommissionLifecycle command,
            String by,
            String note,
            Instant now) {
        return db.sql("""
                        update commissions_commission set status = ?, decided_by = ?, decided_at = ?,
                            decision_note = coalesce(?, decision_note),
                            approved_at = case when ? = 'APPROVED' then ? else approved_at end
                        where workspace_id = ? and id = any(?::uuid[]) and status = any(?::text[])
                        returning id, partner_id, kind, amount, currency, payable
                        """)
                .params(
                        command.to().name(),
                        by,
                        Timestamp.from(now),
                        note,
                        command.to().name(),
                        Timestamp.from(now),
                        workspace.value(),
                        ids.toArray(UUID[]::new),
                        command.fromNames())
                .query(CommissionTable::moved)
                .list();
    }

    /** Approves up to {@code limit} pending commissions whose hold has ended. */
    public List<Moved> approveDue(WorkspaceId workspace, Instant now, int limit) {
        return db.sql("""
                        update commissions_commission set status = ?, approved_at = ?, decided_by = 'Canopy',
                            decided_at = ?
                        where id in (select id from commissions_commission where workspace_id = ?
                                     and status = any(?::text[]) and hold_until <= ? order by hold_until limit ?
                                     for update skip locked)
                        returning id, partner_id, kind, amount, currency, payable
                        """)
                .params(
                        CommissionLifecycle.APPROVE_DUE.to().name(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        workspace.value(),
                        CommissionLifecycle.APPROVE_DUE.fromNames(),
                        Timestamp.from(now),
                        limit)
                .query(CommissionTable::moved)
                .list();
    }

    /** The workspaces with pending commissions due, for the scheduled approval. */
    public List<WorkspaceId> workspacesWithDue(Instant now) {
        return db.sql(
                        "select distinct workspace_id from commissions_commission where status = 'PENDING' and hold_until <= ?")
                .param(Timestamp.from(now))
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list();
    }

    public void addHoldReason(WorkspaceId workspace, Collection<UUID> ids, String reason) {
        db.sql("""
                        update commissions_commission set hold_reasons = array_append(hold_reasons, ?)
                        where workspace_id = ? and id = any(?::uuid[])
                        """).params(reason, workspace.value(), ids.toArray(UUID[]::new)).update();
    }

    /** A negative commission giving back part of {@code original} after a refund; answers its id, if made now. */
    public Optional<UUID> insertGiveBack(
            WorkspaceId workspace,
            UUID refundSource,
            CommissionView original,
            CommissionKind kind,
            CommissionStatus status,
            Money amount,
            Money base,
            Instant now,
            Instant occurredAt) {
        UUID id = UUID.randomUUID();
        int inserted = db.sql("""
                        insert into commissions_commission (id, workspace_id, partner_id, program_id, source_id, rule_id, kind,
                            reverses, status, amount, currency, base_amount, base_currency, rate, fx_rate, fx_on, tier_id,
                            rule_name, basis, payable, hold_until, approved_at, occurred_at, created_at)
                        select ?, workspace_id, partner_id, program_id, ?, rule_id, ?, id, ?, ?, currency, ?, ?, rate, fx_rate,
                            fx_on, tier_id, rule_name, basis, payable, hold_until, case when ? = 'APPROVED' then ?::timestamptz end, ?, ?
                        from commissions_commission where workspace_id = ? and id = ?
                        on conflict (source_id, reverses) where kind <> 'EARNED' do nothing
                        """)
                .params(
                        id,
                        refundSource,
                        kind.name(),
                        status.name(),
                        amount.amount(),
                        base == null ? null : base.amount(),
                        base == null ? null : base.currencyCode(),
                        status.name(),
                        Timestamp.from(now),
                        Timestamp.from(occurredAt),
                        Timestamp.from(now),
                        workspace.value(),
                        original.id())
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The given-back rows of a commission, for what is left of it after earlier refunds. */
    public List<CommissionView> givenBack(WorkspaceId workspace, UUID original) {
        return db.sql(SELECT + " where c.workspace_id = ? and c.reverses = ?")
                .params(workspace.value(), original)
                .query((rs, n) -> map(rs, p -> null, p -> null))
                .list();
    }

    /** Marks a fully refunded commission that was never paid, and its reversals, as reversed. */
    public void markReversed(WorkspaceId workspace, UUID original) {
        db.sql("""
                        update commissions_commission set status = ?
                        where workspace_id = ? and (id = ? or reverses = ?) and status = any(?::text[])
                        """)
                .params(
                        CommissionLifecycle.REVERSE.to().name(),
                        workspace.value(),
                        original,
                        original,
                        CommissionLifecycle.REVERSE.fromNames())
                .update();
    }

    /** Totals per status and currency for a partner (the portal's earnings) or the whole workspace. */
    public List<StatusTotal> totals(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select status, currency, sum(amount), count(*) from commissions_commission
                        where workspace_id = ? and (?::uuid is null or partner_id = ?)
                        group by status, currency order by currency, status
                        """)
                .params(
                        workspace.value(),
                        partner == null ? null : partner.value(),
                        partner == null ? null : partner.value())
                .query((rs, n) -> new StatusTotal(
                        CommissionStatus.valueOf(rs.getString(1)),
                        Money.of(rs.getBigDecimal(3), rs.getString(2)),
                        rs.getLong(4)))
                .list();
    }

    public record StatusTotal(CommissionStatus status, Money amount, long count) {}

    /** A partner's sales and refunds, for the refund-rate rule. */
    public long[] salesAndRefunds(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select count(*) filter (where kind = 'SALE'), count(*) filter (where kind = 'REFUND')
                        from commissions_source where workspace_id = ? and partner_id = ?
                        """)
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    private static Moved moved(ResultSet rs, int n) throws SQLException {
        return new Moved(
                rs.getObject("id", UUID.class),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                CommissionKind.valueOf(rs.getString("kind")),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getBoolean("payable"));
    }

    private static CommissionView map(
            ResultSet rs, Function<PartnerId, String> partnerNames, Function<ProgramId, String> programNames)
            throws SQLException {
        PartnerId partner = new PartnerId(rs.getObject("partner_id", UUID.class));
        ProgramId program = new ProgramId(rs.getObject("program_id", UUID.class));
        String baseCurrency = rs.getString("base_currency");
        BigDecimal base = rs.getBigDecimal("base_amount");
        Array reasons = rs.getArray("hold_reasons");
        String basis = rs.getString("basis");
        java.sql.Date fxDate = rs.getDate("fx_on");
        return new CommissionView(
                rs.getObject("id", UUID.class),
                partner,
                partnerNames.apply(partner),
                program,
                programNames.apply(program),
                CommissionKind.valueOf(rs.getString("kind")),
                CommissionStatus.valueOf(rs.getString("status")),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getBoolean("payable"),
                rs.getObject("rule_id", UUID.class),
                rs.getString("rule_name"),
                basis == null ? null : CommissionBasis.valueOf(basis),
                base == null || baseCurrency == null ? null : Money.of(base, baseCurrency),
                rs.getBigDecimal("rate"),
                rs.getBigDecimal("fx_rate"),
                fxDate == null ? null : fxDate.toLocalDate(),
                rs.getBigDecimal("capped_from"),
                rs.getObject("source_id", UUID.class),
                rs.getString("source_kind"),
                rs.getString("source_description"),
                rs.getObject("reverses", UUID.class),
                reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
                rs.getString("decision_note"),
                rs.getString("decided_by"),
                rs.getTimestamp("hold_until").toInstant(),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("payout_run_id", UUID.class),
                rs.getInt("quantity"));
    }
}
