package dev.canopy.deals.internal;

import dev.canopy.deals.LeadOffer;
import dev.canopy.deals.LeadStatus;
import dev.canopy.deals.LeadView;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leads and their offers to partners. */
@Repository
public class LeadTable {

    /** A lead as checked, ready to insert. */
    public record Checked(
            UUID id,
            String accountName,
            String domain,
            String contactName,
            String contactEmail,
            String region,
            String notes) {}

    /** An offer whose answer clock ran out, with its workspace (the expiry job runs across workspaces). */
    public record Due(WorkspaceId workspace, UUID lead, PartnerId partner) {}

    private final JdbcClient db;

    LeadTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Checked lead, String by, Instant now) {
        db.sql("""
                        insert into deals_lead (id, workspace_id, account_name, domain, contact_name, contact_email,
                            region, notes, status, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'UNASSIGNED', ?, ?)
                        """)
                .params(
                        lead.id(),
                        workspace.value(),
                        lead.accountName(),
                        lead.domain(),
                        lead.contactName(),
                        lead.contactEmail(),
                        lead.region(),
                        lead.notes(),
                        Rows.ts(now),
                        by)
                .update();
    }

    public Optional<LeadView> find(WorkspaceId workspace, UUID id) {
        return db.sql("select * from deals_lead where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(LeadTable::view)
                .optional();
    }

    /**
     * Newest first. With {@code partner}: the leads offered to it now or accepted by it — never those it
     * declined or let expire, which are another partner's by then.
     */
    public List<LeadView> search(
            WorkspaceId workspace, LeadStatus status, PartnerId partner, UUID after, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("select * from deals_lead l where l.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (status != null) {
            sql.append(" and l.status = ?");
            params.add(status.name());
        }
        if (partner != null) {
            // An offer whose answer time ran out is no longer the partner's, before LeadExpiry passes it on too.
            sql.append(
                    " and l.partner_id = ? and (l.status = 'ACCEPTED' or (l.status = 'OFFERED' and l.respond_by > ?))");
            params.add(partner.value());
            params.add(Rows.ts(now));
        }
        if (after != null) {
            sql.append(
                    " and (l.created_at, l.id) < (select created_at, id from deals_lead where workspace_id = ? and id = ?)");
            params.add(workspace.value());
            params.add(after);
        }
        sql.append(" order by l.created_at desc, l.id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(LeadTable::view).list();
    }

    public List<LeadOffer> offers(WorkspaceId workspace, UUID lead) {
        return db.sql("select * from deals_lead_offer where workspace_id = ? and lead_id = ? order by offered_at")
                .params(workspace.value(), lead)
                .query((rs, n) -> new LeadOffer(
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        null,
                        rs.getObject("rule_id", UUID.class),
                        Rows.instant(rs.getTimestamp("offered_at")),
                        Rows.instant(rs.getTimestamp("respond_by")),
                        LeadOffer.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("reason"),
                        Rows.instant(rs.getTimestamp("decided_at"))))
                .list();
    }

    public void offer(WorkspaceId workspace, UUID lead, PartnerId partner, UUID rule, Instant now, Instant respondBy) {
        db.sql("""
                        insert into deals_lead_offer (workspace_id, lead_id, partner_id, rule_id, offered_at, respond_by,
                            outcome)
                        values (?, ?, ?, ?, ?, ?, 'PENDING')
                        """)
                .params(workspace.value(), lead, partner.value(), rule, Rows.ts(now), Rows.ts(respondBy))
                .update();
        db.sql("""
                        update deals_lead set status = 'OFFERED', partner_id = ?, respond_by = ?
                        where workspace_id = ? and id = ?
                        """)
                .params(partner.value(), Rows.ts(respondBy), workspace.value(), lead)
                .update();
    }

    public void unassign(WorkspaceId workspace, UUID lead) {
        db.sql("""
                        update deals_lead set status = 'UNASSIGNED', partner_id = null, respond_by = null
                        where workspace_id = ? and id = ?
                        """).params(workspace.value(), lead).update();
    }

    /** Closes the partner's pending offer; false when it was not pending (answered or expired meanwhile). */
    public boolean answer(
            WorkspaceId workspace, UUID lead, PartnerId partner, OfferLifecycle answer, String reason, Instant now) {
        boolean closed = db.sql("""
                                update deals_lead_offer set outcome = ?, reason = ?, decided_at = ?
                                where workspace_id = ? and lead_id = ? and partner_id = ? and outcome = any(?::text[])
                                    and respond_by > ?
                                """)
                        .params(
                                answer.to().name(),
                                reason,
                                Rows.ts(now),
                                workspace.value(),
                                lead,
                                partner.value(),
                                answer.fromNames(),
                                Rows.ts(now))
                        .update()
                == 1;
        if (closed && answer == OfferLifecycle.ACCEPT) {
            db.sql("update deals_lead set status = 'ACCEPTED', respond_by = null where workspace_id = ? and id = ?")
                    .params(workspace.value(), lead)
                    .update();
        }
        return closed;
    }

    /** Expires the partner's pending offer if its answer clock ran out by {@code now}; false otherwise. */
    public boolean expire(WorkspaceId workspace, UUID lead, PartnerId partner, Instant now) {
        return db.sql("""
                                update deals_lead_offer set outcome = ?, reason = 'No answer in time', decided_at = ?
                                where workspace_id = ? and lead_id = ? and partner_id = ? and outcome = any(?::text[])
                                    and respond_by <= ?
                                """)
                        .params(
                                OfferLifecycle.EXPIRE.to().name(),
                                Rows.ts(now),
                                workspace.value(),
                                lead,
                                partner.value(),
                                OfferLifecycle.EXPIRE.fromNames(),
                                Rows.ts(now))
                        .update()
                == 1;
    }

    /**
     * Offers whose answer clock ran out, locked for this transaction; rows another node holds are skipped,
     * so each is expired by one node.
     */
    public List<Due> lockDue(Instant now, int limit) {
        return db.sql("""
                        select workspace_id, lead_id, partner_id from deals_lead_offer
                        where outcome = any(?::text[]) and respond_by <= ?
                        order by respond_by limit ? for update skip locked
                        """)
                .params(OfferLifecycle.EXPIRE.fromNames(), Rows.ts(now), limit)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("lead_id", UUID.class),
                        new PartnerId(rs.getObject("partner_id", UUID.class))))
                .list();
    }

    public List<PartnerId> offeredTo(WorkspaceId workspace, UUID lead) {
        return db.sql("select partner_id from deals_lead_offer where workspace_id = ? and lead_id = ?")
                .params(workspace.value(), lead)
                .query((rs, n) -> new PartnerId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** How many leads each partner was offered under {@code rule}: its share so far. */
    public Map<PartnerId, Integer> offersUnder(WorkspaceId workspace, UUID rule) {
        return db
                .sql("""
                        select partner_id, count(*) from deals_lead_offer where workspace_id = ? and rule_id = ?
                        group by partner_id
                        """)
                .params(workspace.value(), rule)
                .query((rs, n) -> Map.entry(new PartnerId(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The partner's accepted leads for the account at {@code domain}: evidence for sourcing. */
    public List<SourcingEvidence.PartnerAction> acceptedBy(WorkspaceId workspace, PartnerId partner, String domain) {
        return db.sql("""
                        select o.lead_id, o.decided_at from deals_lead_offer o
                        join deals_lead l on l.id = o.lead_id and l.workspace_id = o.workspace_id
                        where o.workspace_id = ? and o.partner_id = ? and o.outcome = 'ACCEPTED' and l.domain = ?
                        """)
                .params(workspace.value(), partner.value(), domain)
                .query((rs, n) -> new SourcingEvidence.PartnerAction(
                        "LEAD_ACCEPTED",
                        Rows.instant(rs.getTimestamp("decided_at")),
                        rs.getObject("lead_id", UUID.class).toString()))
                .list();
    }

    private static LeadView view(ResultSet rs, int n) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        return new LeadView(
                rs.getObject("id", UUID.class),
                rs.getString("account_name"),
                rs.getString("domain"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                rs.getString("region"),
                rs.getString("notes"),
                LeadStatus.valueOf(rs.getString("status")),
                partner == null ? null : new PartnerId(partner),
                null,
                Rows.instant(rs.getTimestamp("respond_by")),
                Rows.instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"),
                List.of());
    }
}
