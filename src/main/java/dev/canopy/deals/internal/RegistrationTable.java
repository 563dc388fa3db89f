package dev.canopy.deals.internal;

import static dev.canopy.deals.internal.RegistrationLifecycle.APPROVE;
import static dev.canopy.deals.internal.RegistrationLifecycle.EXPIRE;
import static dev.canopy.deals.internal.RegistrationLifecycle.EXTEND;
import static dev.canopy.deals.internal.RegistrationLifecycle.LOSE;
import static dev.canopy.deals.internal.RegistrationLifecycle.MOVE_STAGE;
import static dev.canopy.deals.internal.RegistrationLifecycle.RECLASSIFY;
import static dev.canopy.deals.internal.RegistrationLifecycle.REJECT;
import static dev.canopy.deals.internal.RegistrationLifecycle.WIN;

import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealStage;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Sourcing;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RegistrationTable {

    /** A registration as checked, ready to insert. */
    public record Checked(
            UUID id,
            PartnerId partner,
            ProgramId program,
            String accountName,
            String website,
            String domain,
            String contactName,
            String contactEmail,
            Money amount,
            List<String> products,
            LocalDate expectedClose,
            String notes,
            String industry) {}

    private static final String SELECT = """
            select r.*, (select count(*) from deals_conflict c where c.deal_id = r.id) as conflicts
            from deals_registration r
            """;

    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    RegistrationTable(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public void insert(WorkspaceId workspace, Checked deal, String submittedBy, Instant now, Instant reviewDue) {
        db.sql("""
                        insert into deals_registration (id, workspace_id, partner_id, program_id, account_name,
                            normalized_name, website, domain, contact_name, contact_email, amount, currency, products,
                            expected_close, notes, industry, status, stage, submitted_at, submitted_by, review_due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'QUALIFICATION', ?, ?, ?)
                        """)
                .params(with(columns(workspace, deal), Rows.ts(now), submittedBy, Rows.ts(reviewDue)))
                .update();
    }

    /** The registration's own columns, id to industry, in the order both inserts name them. */
    static List<Object> columns(WorkspaceId workspace, Checked deal) {
        return java.util.Arrays.asList(
                deal.id(),
                workspace.value(),
                deal.partner().value(),
                deal.program().value(),
                deal.accountName(),
                CompanyNames.normalize(deal.accountName()),
                deal.website(),
                deal.domain(),
                deal.contactName(),
                deal.contactEmail(),
                deal.amount().amount(),
                deal.amount().currencyCode(),
                deal.products().toArray(String[]::new),
                deal.expectedClose(),
                deal.notes(),
                deal.industry());
    }

    static List<Object> with(List<Object> first, Object... rest) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(java.util.Arrays.asList(rest));
        return all;
    }

    public Optional<DealView> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where r.workspace_id = ? and r.id = ?")
                .params(workspace.value(), id)
                .query(this::view)
                .optional();
    }

    /** Newest first; {@code partner} restricts to one partner's (the portal always passes its own). */
    public List<DealView> search(WorkspaceId workspace, DealQuery query, UUID after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where r.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        // By the status a reader sees: a protection that ran out reads as expired before the job records it.
        if (query.status() == DealStatus.APPROVED) {
            sql.append(" and r.status = 'APPROVED' and r.protected_until > ?");
            params.add(Rows.ts(clock.instant()));
        } else if (query.status() == DealStatus.EXPIRED) {
            sql.append(" and (r.status = 'EXPIRED' or (r.status = 'APPROVED' and r.protected_until <= ?))");
            params.add(Rows.ts(clock.instant()));
        } else if (query.status() != null) {
            sql.append(" and r.status = ?");
            params.add(query.status().name());
        }
        if (query.partner() != null) {
            sql.append(" and r.partner_id = ?");
            params.add(query.partner().value());
        }
        if (after != null) {
            sql.append(" and (r.submitted_at, r.id) < (select submitted_at, id from deals_registration"
                    + " where workspace_id = ? and id = ?)");
            params.add(workspace.value());
            params.add(after);
        }
        sql.append(" order by r.submitted_at desc, r.id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(this::view).list();
    }

    /** How many registrations are in each status as a reader sees it (an ended protection reads as expired). */
    public Map<DealStatus, Long> countByStatus(WorkspaceId workspace, PartnerId partner) {
        Map<DealStatus, Long> counts = new EnumMap<>(DealStatus.class);
        db.sql("""
                        select case when status = 'APPROVED' and protected_until <= ? then 'EXPIRED' else status end,
                               count(*)
                        from deals_registration
                        where workspace_id = ? and (cast(? as uuid) is null or partner_id = ?)
                        group by 1
                        """)
                .params(
                        Rows.ts(clock.instant()),
                        workspace.value(),
                        partner == null ? null : partner.value(),
                        partner == null ? null : partner.value())
                .query((rs, row) -> counts.put(DealStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Moves PENDING to APPROVED; false when it was no longer pending. */
    public boolean approve(WorkspaceId workspace, UUID id, String by, Instant now, Instant protectedUntil) {
        return db.sql("""
                        update deals_registration set status = ?, decided_at = ?, decided_by = ?,
                            protected_until = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                        .params(
                                APPROVE.to().name(),
                                Rows.ts(now),
                                by,
                                Rows.ts(protectedUntil),
                                workspace.value(),
                                id,
                                APPROVE.fromNames())
                        .update()
                == 1;
    }

    public boolean reject(WorkspaceId workspace, UUID id, String by, String reason, Instant now) {
        return db.sql("""
                        update deals_registration set status = ?, decided_at = ?, decided_by = ?,
                            decision_reason = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                        .params(REJECT.to().name(), Rows.ts(now), by, reason, workspace.value(), id, REJECT.fromNames())
                        .update()
                == 1;
    }

    public boolean moveStage(WorkspaceId workspace, UUID id, DealStage stage) {
        return db.sql(
                                "update deals_registration set stage = ? where workspace_id = ? and id = ? and status = any(?::text[])")
                        .params(stage.name(), workspace.value(), id, MOVE_STAGE.fromNames())
                        .update()
                == 1;
    }

    public boolean extend(WorkspaceId workspace, UUID id, Instant from, Instant until) {
        return db.sql("""
                        update deals_registration set protected_until = ?, extensions_used = extensions_used + 1
                        where workspace_id = ? and id = ? and status = any(?::text[]) and protected_until = ?
                        """)
                        .params(Rows.ts(until), workspace.value(), id, EXTEND.fromNames(), Rows.ts(from))
                        .update()
                == 1;
    }

    public boolean markWon(
            WorkspaceId workspace,
            UUID id,
            Money amount,
            Instant opportunityOpenedAt,
            Sourcing sourcing,
            SourcingEvidence evidence,
            String by,
            Instant now) {
        return db.sql("""
                        update deals_registration set status = ?, amount = ?, opportunity_opened_at = ?,
                            sourcing = ?, sourcing_evidence = cast(? as jsonb), closed_at = ?, closed_by = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                        .params(
                                WIN.to().name(),
                                amount.amount(),
                                Rows.ts(opportunityOpenedAt),
                                sourcing.name(),
                                json.writeValueAsString(evidence),
                                Rows.ts(now),
                                by,
                                workspace.value(),
                                id,
                                WIN.fromNames())
                        .update()
                == 1;
    }

    public boolean markLost(WorkspaceId workspace, UUID id, String reason, String by, Instant now) {
        return db.sql("""
                        update deals_registration set status = ?, lost_reason = ?, closed_at = ?, closed_by = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                        .params(LOSE.to().name(), reason, Rows.ts(now), by, workspace.value(), id, LOSE.fromNames())
                        .update()
                == 1;
    }

    public boolean overrideSourcing(WorkspaceId workspace, UUID id, Sourcing sourcing, String reason) {
        return db.sql("""
                        update deals_registration set sourcing = ?, sourcing_overridden = true, sourcing_reason = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                        .params(sourcing.name(), reason, workspace.value(), id, RECLASSIFY.fromNames())
                        .update()
                == 1;
    }

    /**
     * Expires every approved registration whose protection ended by {@code now}, across workspaces, and
     * returns them. A row is updated by exactly one transaction, so each expiry is reported once however
     * many nodes run this at the same time.
     */
    public List<Expired> expireDue(Instant now) {
        List<UUID> ids = db.sql("""
                        update deals_registration set status = ?, closed_at = protected_until
                        where status = any(?::text[]) and protected_until <= ? returning id
                        """)
                .params(EXPIRE.to().name(), EXPIRE.fromNames(), Rows.ts(now))
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + " where r.id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> new Expired(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), view(rs, n)))
                .list();
    }

    /** A registration the expiry moved, with its workspace (the job runs across workspaces). */
    public record Expired(WorkspaceId workspace, DealView deal) {}

    private DealView view(ResultSet rs, int n) throws SQLException {
        String evidence = rs.getString("sourcing_evidence");
        Instant protectedUntil = Rows.instant(rs.getTimestamp("protected_until"));
        DealStatus stored = DealStatus.valueOf(rs.getString("status"));
        // Reads never write: an approved registration whose protection has run out reads as expired at once;
        // ProtectionExpiry records it (audit, event) on its schedule.
        boolean lapsed =
                stored == DealStatus.APPROVED && protectedUntil != null && !protectedUntil.isAfter(clock.instant());
        String sourcing = rs.getString("sourcing");
        BigDecimal amount = rs.getBigDecimal("amount");
        return new DealView(
                rs.getObject("id", UUID.class),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                null,
                new ProgramId(rs.getObject("program_id", UUID.class)),
                null,
                rs.getString("account_name"),
                rs.getString("website"),
                rs.getString("domain"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                Money.of(amount, rs.getString("currency")),
                Rows.strings(rs.getArray("products")),
                rs.getObject("expected_close", LocalDate.class),
                rs.getString("notes"),
                rs.getString("industry"),
                lapsed ? DealStatus.EXPIRED : stored,
                DealStage.valueOf(rs.getString("stage")),
                Rows.instant(rs.getTimestamp("submitted_at")),
                rs.getString("submitted_by"),
                Rows.instant(rs.getTimestamp("review_due_at")),
                Rows.instant(rs.getTimestamp("decided_at")),
                rs.getString("decided_by"),
                rs.getString("decision_reason"),
                protectedUntil,
                rs.getInt("extensions_used"),
                Rows.instant(rs.getTimestamp("opportunity_opened_at")),
                lapsed ? protectedUntil : Rows.instant(rs.getTimestamp("closed_at")),
                rs.getString("closed_by"),
                rs.getString("lost_reason"),
                sourcing == null ? null : Sourcing.valueOf(sourcing),
                evidence == null ? null : json.readValue(evidence, SourcingEvidence.class),
                rs.getBoolean("sourcing_overridden"),
                rs.getString("sourcing_reason"),
                rs.getInt("conflicts"));
    }
}
