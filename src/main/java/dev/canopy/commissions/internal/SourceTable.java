package dev.canopy.commissions.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.TransactionLocks;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sources as received; a replayed event finds its row and adds nothing. */
@Repository
public class SourceTable {

    /**
     * A refund {@code r} in its sale's currency whose sale has a commission it has not given back from yet (a
     * refund in another currency is refused at intake and never given back).
     */
    private static final String NOT_GIVEN_BACK = """
              and exists (select 1 from commissions_source s
                          where s.id = r.reverses and s.kind = 'SALE' and s.currency = r.currency)
              and exists (select 1 from commissions_commission c
                          where c.workspace_id = r.workspace_id and c.source_id = r.reverses
                            and c.kind = 'EARNED' and c.amount <> 0
                            and not exists (select 1 from commissions_commission g
                                            where g.source_id = r.id and g.reverses = c.id))
            """;

    private final JdbcClient db;

    SourceTable(JdbcClient db) {
        this.db = db;
    }

    /** True when the source is new. */
    public boolean insert(WorkspaceId workspace, CommissionSource s, Instant now) {
        return db.sql("""
                        insert into commissions_source (id, workspace_id, kind, partner_id, program_id, tier_id, customer_id,
                            customer_email, customer_domain, country, products, amount, currency, basis, first_payment,
                            reverses, paid_ad, description, occurred_at, received_at, rule_id, quantity)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing
                        """)
                        .params(
                                s.id(),
                                workspace.value(),
                                s.kind().name(),
                                s.partner().value(),
                                s.program().value(),
                                s.tierId(),
                                s.customerId(),
                                s.customerEmail(),
                                s.customerDomain(),
                                s.country(),
                                s.products().stream()
                                        .map(p -> p.toLowerCase(Locale.ROOT))
                                        .toArray(String[]::new),
                                s.amount() == null ? null : s.amount().amount(),
                                s.amount() == null ? null : s.amount().currencyCode(),
                                s.basis() == null ? null : s.basis().name(),
                                s.firstPayment(),
                                s.reverses(),
                                s.paidAd(),
                                s.description(),
                                Timestamp.from(s.occurredAt()),
                                Timestamp.from(now),
                                s.ruleId(),
                                s.quantity())
                        .update()
                == 1;
    }

    /** A sale's amount and currency, for the share of it a refund gives back. */
    public Optional<SaleAmount> sale(WorkspaceId workspace, UUID id) {
        return db.sql(
                        "select amount, currency from commissions_source where workspace_id = ? and id = ? and kind = 'SALE'")
                .params(workspace.value(), id)
                .query((rs, n) -> new SaleAmount(rs.getBigDecimal(1), rs.getString(2)))
                .optional();
    }

    /** Sources other than refunds that made no commission: no rule matched, or a rate was missing. */
    public List<UUID> withoutCommissions(WorkspaceId workspace) {
        return db.sql("""
                        select s.id from commissions_source s where s.workspace_id = ? and s.kind <> 'REFUND'
                        and not exists (select 1 from commissions_commission c where c.source_id = s.id)
                        """).param(workspace.value()).query(UUID.class).list();
    }

    /** The partners the given sources (all of the workspace's when null) are for. */
    public List<PartnerId> partners(WorkspaceId workspace, Collection<UUID> ids) {
        return db.sql(
                        "select distinct partner_id from commissions_source where workspace_id = ? and (?::uuid[] is null or id = any(?::uuid[]))")
                .params(
                        workspace.value(),
                        ids == null ? null : ids.toArray(UUID[]::new),
                        ids == null ? null : ids.toArray(UUID[]::new))
                .query((rs, n) -> new PartnerId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * Serializes, per workspace, a refund's arrival with the give-back step of pricing, until the transaction
     * ends: otherwise a refund and the pricing of its sale, committing at the same moment on two threads, each
     * miss the other (neither sees the other's uncommitted row) and the refund is never given back.
     */
    public void lockRefunds(WorkspaceId workspace) {
        TransactionLocks.lock(db, "commissions-refunds:" + workspace.value());
    }

    /** Workspaces with a refund whose sale has a commission it has not given back from yet. */
    public List<WorkspaceId> workspacesWithRefundsNotGivenBack() {
        return db.sql("""
                        select distinct r.workspace_id from commissions_source r
                        where r.kind = 'REFUND'
                        """ + NOT_GIVEN_BACK)
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** A refund as the give-back needs it: the sale it reverses, how much and when. */
    public record Refund(UUID id, UUID reverses, BigDecimal amount, String currency, Instant occurredAt) {}

    /** Everything refunded of the sale {@code sale} so far, in the sale's currency; zero when nothing. */
    public BigDecimal refundedOf(WorkspaceId workspace, UUID sale, String currency) {
        return db.sql("""
                        select coalesce(sum(amount), 0) from commissions_source
                        where workspace_id = ? and kind = 'REFUND' and reverses = ? and currency = ?
                        """)
                .params(workspace.value(), sale, currency)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * Refunds that arrived before their sale was priced (the sale came later, or waited for an exchange rate):
     * of the sales among {@code sales} (all when null) that have a commission this refund has not given back
     * from yet, oldest first.
     */
    public List<Refund> refundsNotGivenBack(WorkspaceId workspace, Collection<UUID> sales) {
        UUID[] ids = sales == null ? null : sales.toArray(UUID[]::new);
        return db.sql("""
                        select r.id, r.reverses, r.amount, r.currency, r.occurred_at from commissions_source r
                        where r.workspace_id = ? and r.kind = 'REFUND' and (?::uuid[] is null or r.reverses = any(?))
                        """ + NOT_GIVEN_BACK + " order by r.occurred_at, r.id")
                .params(workspace.value(), ids, ids)
                .query((rs, n) -> new Refund(
                        rs.getObject("id", UUID.class),
                        rs.getObject("reverses", UUID.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    public record SaleAmount(java.math.BigDecimal amount, String currency) {}
}
