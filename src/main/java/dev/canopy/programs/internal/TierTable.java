package dev.canopy.programs.internal;

import dev.canopy.programs.ProgramId;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TierTable {

    private record Head(UUID id, int rank, String name, String benefits) {}

    private final JdbcClient db;

    TierTable(JdbcClient db) {
        this.db = db;
    }

    /** Lowest rank first. */
    public List<TierView> list(WorkspaceId workspace, ProgramId program) {
        Map<UUID, Head> heads = new LinkedHashMap<>();
        Map<UUID, Map<TierMetric, BigDecimal>> thresholds = new LinkedHashMap<>();
        db.sql("""
                        select t.id, t.rank, t.name, t.benefits, th.metric, th.threshold
                        from programs_tier t left join programs_tier_threshold th on th.tier_id = t.id
                        where t.workspace_id = ? and t.program_id = ?
                        order by t.rank, th.metric
                        """)
                .params(workspace.value(), program.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    heads.putIfAbsent(
                            id, new Head(id, rs.getInt("rank"), rs.getString("name"), rs.getString("benefits")));
                    Map<TierMetric, BigDecimal> tier =
                            thresholds.computeIfAbsent(id, k -> new EnumMap<>(TierMetric.class));
                    if (rs.getString("metric") != null) {
                        tier.put(TierMetric.valueOf(rs.getString("metric")), rs.getBigDecimal("threshold"));
                    }
                    return id;
                })
                .list();
        List<TierView> tiers = new ArrayList<>();
        heads.values()
                .forEach(h -> tiers.add(
                        new TierView(h.id(), h.rank(), h.name(), h.benefits(), Map.copyOf(thresholds.get(h.id())))));
        return List.copyOf(tiers);
    }

    public Optional<TierView> find(WorkspaceId workspace, ProgramId program, UUID id) {
        return list(workspace, program).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Above the current top tier; false when the name is taken. Callers hold the programme's lock. */
    public boolean insert(WorkspaceId workspace, ProgramId program, UUID id, TierRules.Checked tier, Instant now) {
        boolean inserted = db.sql("""
                        insert into programs_tier (id, workspace_id, program_id, rank, name, benefits, created_at)
                        select ?, ?, ?, coalesce(max(rank) + 1, 0), ?, ?, ?
                        from programs_tier where program_id = ?
                        on conflict do nothing
                        """)
                        .params(
                                id,
                                workspace.value(),
                                program.value(),
                                tier.name(),
                                tier.benefits(),
                                Rows.ts(now),
                                program.value())
                        .update()
                == 1;
        if (inserted) {
            replaceThresholds(workspace, id, tier.thresholds());
        }
        return inserted;
    }

    /** False when another tier of the programme has the name. */
    public boolean update(WorkspaceId workspace, ProgramId program, UUID id, TierRules.Checked tier) {
        boolean updated = db.sql("""
                        update programs_tier set name = ?, benefits = ?
                        where workspace_id = ? and program_id = ? and id = ?
                          and not exists (select 1 from programs_tier o where o.program_id = ? and o.name = ? and o.id <> ?)
                        """)
                        .params(
                                tier.name(),
                                tier.benefits(),
                                workspace.value(),
                                program.value(),
                                id,
                                program.value(),
                                tier.name(),
                                id)
                        .update()
                == 1;
        if (updated) {
            replaceThresholds(workspace, id, tier.thresholds());
        }
        return updated;
    }

    public void delete(WorkspaceId workspace, ProgramId program, UUID id) {
        db.sql("delete from programs_tier where workspace_id = ? and program_id = ? and id = ?")
                .params(workspace.value(), program.value(), id)
                .update();
    }

    private void replaceThresholds(WorkspaceId workspace, UUID tier, Map<TierMetric, BigDecimal> thresholds) {
        db.sql("delete from programs_tier_threshold where workspace_id = ? and tier_id = ?")
                .params(workspace.value(), tier)
                .update();
        thresholds.forEach((metric, threshold) -> db.sql("""
                        insert into programs_tier_threshold (tier_id, workspace_id, metric, threshold) values (?, ?, ?, ?)
                        """)
                .params(tier, workspace.value(), metric.name(), threshold)
                .update());
    }
}
