package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily rollups of clicks and conversions that triggers keep (V31); read here, never written. */
@Repository
public class RollupTable {

    public record ClickRow(LocalDate day, UUID partnerId, UUID programId, long clicks, long paidAdClicks) {}

    public record ConversionRow(
            LocalDate day,
            UUID partnerId,
            UUID programId,
            String kind,
            String currency,
            long conversions,
            long firstPayments,
            BigDecimal amount) {}

    /** Which rows: a workspace's days {@code from} (included) to {@code to} (excluded), optionally narrowed. */
    public record Scope(WorkspaceId workspace, LocalDate from, LocalDate to, UUID program, UUID partner) {}

    // The optional filters as SQL that ignores a null parameter.
    private static final String SCOPE = """
            where workspace_id = :workspace and day >= :from and day < :to
              and (cast(:program as uuid) is null or program_id = :program)
              and (cast(:partner as uuid) is null or partner_id = :partner)
            """;

    private final JdbcClient db;

    RollupTable(JdbcClient db) {
        this.db = db;
    }

    public List<ClickRow> clicks(Scope scope) {
        return bind(
                        db.sql("select day, partner_id, program_id, clicks, paid_ad_clicks from tracking_click_day "
                                + SCOPE + " and clicks <> 0"),
                        scope)
                .query((rs, n) -> new ClickRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** One link's clicks per day from {@code from} (included) to {@code to} (excluded), days without none. */
    public List<ClickRow> linkClicks(WorkspaceId workspace, UUID link, LocalDate from, LocalDate to) {
        return db.sql("""
                        select day, partner_id, program_id, clicks, paid_ad_clicks from tracking_click_day
                        where workspace_id = ? and link_id = ? and day >= ? and day < ? order by day
                        """)
                .params(workspace.value(), link, from, to)
                .query((rs, n) -> new ClickRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    public List<ConversionRow> conversions(Scope scope) {
        return bind(
                        db.sql("select day, partner_id, program_id, kind, currency, conversions, first_payments, amount"
                                + " from tracking_conversion_day " + SCOPE + " and conversions <> 0"),
                        scope)
                .query((rs, n) -> new ConversionRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getBigDecimal(8)))
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Scope scope) {
        return sql.param("workspace", scope.workspace().value())
                .param("from", scope.from())
                .param("to", scope.to())
                .param("program", scope.program())
                .param("partner", scope.partner());
    }
}
