package dev.canopy.deals.internal;

import dev.canopy.deals.RoutingRule;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RoutingRuleTable {

    private final JdbcClient db;

    RoutingRuleTable(JdbcClient db) {
        this.db = db;
    }

    /** Appends a rule at the end of the order; false when the name is taken. */
    public boolean insert(
            WorkspaceId workspace,
            UUID id,
            String name,
            String region,
            PartnerType type,
            String tierId,
            String tierLabel,
            Instant now) {
        return db.sql("""
                        insert into deals_routing_rule (id, workspace_id, name, position, region, partner_type, tier_id,
                            tier_label, created_at)
                        values (?, ?, ?, (select coalesce(max(position), 0) + 1 from deals_routing_rule
                                          where workspace_id = ?), ?, ?, ?, ?, ?)
                        on conflict (workspace_id, name) do nothing
                        """)
                        .params(
                                id,
                                workspace.value(),
                                name,
                                workspace.value(),
                                region,
                                type == null ? null : type.name(),
                                tierId,
                                tierLabel,
                                Rows.ts(now))
                        .update()
                == 1;
    }

    public List<RoutingRule> list(WorkspaceId workspace) {
        Map<UUID, Map<PartnerId, Integer>> weights = new HashMap<>();
        db.sql("select rule_id, partner_id, weight from deals_routing_weight where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> weights.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .put(new PartnerId(rs.getObject(2, UUID.class)), rs.getInt(3)))
                .list();
        return db.sql("select * from deals_routing_rule where workspace_id = ? order by position")
                .param(workspace.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String type = rs.getString("partner_type");
                    return new RoutingRule(
                            id,
                            rs.getString("name"),
                            rs.getInt("position"),
                            rs.getString("region"),
                            type == null ? null : PartnerType.valueOf(type),
                            rs.getString("tier_id"),
                            rs.getString("tier_label"),
                            Map.copyOf(weights.getOrDefault(id, Map.of())));
                })
                .list();
    }

    public boolean delete(WorkspaceId workspace, UUID id) {
        return db.sql("delete from deals_routing_rule where workspace_id = ? and id = ?")
                        .params(workspace.value(), id)
                        .update()
                == 1;
    }

    public void setWeight(WorkspaceId workspace, UUID rule, PartnerId partner, int weight) {
        db.sql("""
                        insert into deals_routing_weight (workspace_id, rule_id, partner_id, weight) values (?, ?, ?, ?)
                        on conflict (rule_id, partner_id) do update set weight = excluded.weight
                        """).params(workspace.value(), rule, partner.value(), weight).update();
    }
}
