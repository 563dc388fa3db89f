package dev.canopy.commissions.internal;

import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commission history brought from another PRM: a source and its commission under one id, a batch at a time. */
@Repository
public class ImportedCommissions {

    /** One commission as stored; {@code sale} is what it was earned on, when the other system said. */
    public record Row(
            UUID id,
            UUID partner,
            UUID customer,
            BigDecimal amount,
            String currency,
            BigDecimal sale,
            String status,
            String label,
            Instant occurredAt,
            Instant holdUntil) {}

    private final JdbcClient db;

    ImportedCommissions(JdbcClient db) {
        this.db = db;
    }

    /** A commission as stored: what a later run moves on. */
    public record Stored(String status, UUID partner, BigDecimal amount, String currency) {}

    /** Each of these commissions that is stored already. */
    public Map<UUID, Stored> stored(WorkspaceId workspace, Collection<UUID> ids) {
        Map<UUID, Stored> found = new HashMap<>();
        db.sql("""
                        select id, status, partner_id, amount, currency from commissions_commission
                        where workspace_id = ? and id = any(?)
                        """)
                .params(workspace.value(), ids.toArray(UUID[]::new))
                .query((rs, n) -> found.put(
                        rs.getObject("id", UUID.class),
                        new Stored(
                                rs.getString("status"),
                                rs.getObject("partner_id", UUID.class),
                                rs.getBigDecimal("amount"),
                                rs.getString("currency"))))
                .list();
        return found;
    }

    public void insert(WorkspaceId workspace, UUID program, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        Object[] columns = {
            rows.stream().map(Row::id).toArray(UUID[]::new),
            rows.stream().map(Row::partner).toArray(UUID[]::new),
            rows.stream().map(Row::customer).toArray(UUID[]::new),
            rows.stream().map(Row::amount).toArray(BigDecimal[]::new),
            rows.stream().map(Row::currency).toArray(String[]::new),
            rows.stream().map(Row::sale).toArray(BigDecimal[]::new),
            rows.stream().map(Row::status).toArray(String[]::new),
            rows.stream().map(Row::label).toArray(String[]::new),
            rows.stream().map(r -> Timestamp.from(r.occurredAt())).toArray(Timestamp[]::new),
            rows.stream().map(r -> Timestamp.from(r.holdUntil())).toArray(Timestamp[]::new)
        };
        String unnest = """
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::numeric[], ?::text[], ?::numeric[], ?::text[], ?::text[],
                            ?::timestamptz[], ?::timestamptz[])
                     as r(id, partner_id, customer_id, amount, currency, sale, status, label, occurred_at, hold_until)
                """;
        db.sql("""
                        insert into commissions_source (id, workspace_id, kind, partner_id, program_id, customer_id,
                                                        amount, currency, description, occurred_at, received_at)
                        select r.id, ?, 'IMPORTED', r.partner_id, ?, r.customer_id, coalesce(r.sale, r.amount),
                               r.currency, r.label, r.occurred_at, ?
                        """ + unnest).params(params(workspace, program, now, columns)).update();
        db.sql("""
                        insert into commissions_commission (id, workspace_id, partner_id, program_id, source_id, kind,
                                                            status, amount, currency, base_amount, base_currency,
                                                            rule_name, payable, hold_until, decided_by, decided_at,
                                                            approved_at, occurred_at, created_at)
                        select r.id, ?, r.partner_id, ?, r.id, 'EARNED', r.status, r.amount, r.currency, r.sale,
                               case when r.sale is not null then r.currency end, r.label, true, r.hold_until,
                               case when r.status in ('APPROVED', 'PAID', 'DECLINED') then r.label end,
                               case when r.status in ('APPROVED', 'PAID', 'DECLINED') then r.occurred_at end,
                               case when r.status in ('APPROVED', 'PAID') then r.occurred_at end, r.occurred_at, ?
                        """ + unnest).params(params(workspace, program, now, columns)).update();
    }

    private static Object[] params(WorkspaceId workspace, UUID program, Instant now, Object[] columns) {
        Object[] params = new Object[3 + columns.length];
        params[0] = workspace.value();
        params[1] = program;
        params[2] = Timestamp.from(now);
        System.arraycopy(columns, 0, params, 3, columns.length);
        return params;
    }

    /** Moves an imported commission on, from the status it was seen in; false when it has moved since. */
    public boolean advance(WorkspaceId workspace, UUID id, String from, String to, String label, Instant at) {
        return db.sql("""
                        update commissions_commission
                        set status = ?, decided_by = coalesce(decided_by, ?), decided_at = coalesce(decided_at, ?),
                            approved_at = coalesce(approved_at, ?)
                        where workspace_id = ? and id = ? and status = ?
                        """)
                        .params(to, label, Timestamp.from(at), Timestamp.from(at), workspace.value(), id, from)
                        .update()
                == 1;
    }
}
