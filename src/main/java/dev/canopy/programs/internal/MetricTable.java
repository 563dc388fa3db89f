package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.TierMetric;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MetricTable {

    private final JdbcClient db;

    MetricTable(JdbcClient db) {
        this.db = db;
    }

    /**
     * Keeps the newest reading of one source: one that arrives late (older {@code asOf}) changes nothing.
     */
    public void record(
            WorkspaceId workspace,
            PartnerId partner,
            TierMetric metric,
            String unit,
            String source,
            BigDecimal value,
            Instant asOf) {
        db.sql("""
                        insert into programs_partner_metric (workspace_id, partner_id, metric, unit, source, value, as_of)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, partner_id, metric, unit, source) do update
                        set value = excluded.value, as_of = excluded.as_of
                        where programs_partner_metric.as_of <= excluded.as_of
                        """)
                .params(workspace.value(), partner.value(), metric.name(), unit, source, value, Rows.ts(asOf))
                .update();
    }

    /**
     * Each partner's metrics, summed over their sources, money in {@code currency}; what was never
     * measured is absent (reads as zero).
     */
    public Map<PartnerId, Map<TierMetric, BigDecimal>> values(
            WorkspaceId workspace, Collection<PartnerId> partners, String currency) {
        Map<PartnerId, Map<TierMetric, BigDecimal>> values = new HashMap<>();
        partners.forEach(p -> values.put(p, new EnumMap<>(TierMetric.class)));
        if (partners.isEmpty()) {
            return values;
        }
        db.sql("""
                        select partner_id, metric, sum(value) as value from programs_partner_metric
                        where workspace_id = ? and partner_id = any(cast(? as uuid[])) and unit in (?, ?)
                        group by partner_id, metric
                        """)
                .params(
                        workspace.value(),
                        partners.stream().map(PartnerId::toString).toArray(String[]::new),
                        TierMetric.COUNT,
                        currency)
                .query((rs, n) -> values.get(new PartnerId(rs.getObject("partner_id", UUID.class)))
                        .put(TierMetric.valueOf(rs.getString("metric")), rs.getBigDecimal("value")))
                .list();
        return values;
    }
}
