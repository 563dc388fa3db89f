package dev.canopy.commissions.internal;

import dev.canopy.commissions.CapPeriod;
import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionDuration;
import dev.canopy.commissions.CommissionEvent;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and their rules, with each rule's tier overrides. */
@Repository
public class RuleTable {

    private final JdbcClient db;

    RuleTable(JdbcClient db) {
        this.db = db;
    }

    public List<CommissionRule> rules(WorkspaceId workspace, ProgramId program, boolean activeOnly) {
        Map<UUID, Map<UUID, BigDecimal>> overrides = new HashMap<>();
        db.sql("""
                        select t.rule_id, t.tier_id, coalesce(t.rate, t.flat_amount) from commissions_rule_tier t
                        join commissions_rule r on r.id = t.rule_id where r.workspace_id = ? and r.program_id = ?
                        """).params(workspace.value(), program.value()).query(rs -> {
            overrides
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                    .put(rs.getObject(2, UUID.class), rs.getBigDecimal(3));
        });
        return db.sql("select * from commissions_rule where workspace_id = ? and program_id = ?"
                        + (activeOnly ? " and active" : "") + " order by active desc, created_at")
                .params(workspace.value(), program.value())
                .query((rs, n) -> map(rs, overrides.getOrDefault(rs.getObject("id", UUID.class), Map.of())))
                .list();
    }

    public Optional<CommissionRule> rule(WorkspaceId workspace, UUID id) {
        return db.sql("select program_id from commissions_rule where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(UUID.class)
                .optional()
                .flatMap(program -> rules(workspace, new ProgramId(program), false).stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst());
    }

    public void insert(WorkspaceId workspace, CommissionRule r, Instant now) {
        db.sql("""
                        insert into commissions_rule (id, workspace_id, program_id, name, event, basis, rate, flat_amount,
                            duration, duration_months, product, country, min_amount, max_amount, tier_id, cap_amount,
                            cap_period, active, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)
                        """)
                .params(
                        r.id(),
                        workspace.value(),
                        r.program().value(),
                        r.name(),
                        r.event().name(),
                        r.basis().name(),
                        r.rate(),
                        r.flatAmount(),
                        r.duration().name(),
                        r.durationMonths(),
                        r.product(),
                        r.country(),
                        r.minAmount(),
                        r.maxAmount(),
                        r.tierId(),
                        r.capAmount(),
                        r.capPeriod() == null ? null : r.capPeriod().name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        insertOverrides(r);
    }

    /** Changes a rule for what happens from now on; commissions already made keep their locked rate. */
    public void update(WorkspaceId workspace, CommissionRule r, Instant now) {
        db.sql("""
                        update commissions_rule set name = ?, event = ?, basis = ?, rate = ?, flat_amount = ?, duration = ?,
                            duration_months = ?, product = ?, country = ?, min_amount = ?, max_amount = ?, tier_id = ?,
                            cap_amount = ?, cap_period = ?, updated_at = ?
                        where workspace_id = ? and id = ?
                        """)
                .params(
                        r.name(),
                        r.event().name(),
                        r.basis().name(),
                        r.rate(),
                        r.flatAmount(),
                        r.duration().name(),
                        r.durationMonths(),
                        r.product(),
                        r.country(),
                        r.minAmount(),
                        r.maxAmount(),
                        r.tierId(),
                        r.capAmount(),
                        r.capPeriod() == null ? null : r.capPeriod().name(),
                        Timestamp.from(now),
                        workspace.value(),
                        r.id())
                .update();
        db.sql("delete from commissions_rule_tier where rule_id = ?")
                .param(r.id())
                .update();
        insertOverrides(r);
    }

    private void insertOverrides(CommissionRule r) {
        boolean flat = r.basis() == CommissionBasis.FLAT;
        r.tierRates()
                .forEach((tier, value) -> db.sql(
                                "insert into commissions_rule_tier (rule_id, tier_id, rate, flat_amount) values (?, ?, ?, ?)")
                        .params(r.id(), tier, flat ? null : value, flat ? value : null)
                        .update());
    }

    public void setActive(WorkspaceId workspace, UUID id, boolean active, Instant now) {
        db.sql("update commissions_rule set active = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(active, Timestamp.from(now), workspace.value(), id)
                .update();
    }

    public BigDecimal payoutMinimum(WorkspaceId workspace, ProgramId program) {
        return db.sql("select payout_minimum from commissions_plan where workspace_id = ? and program_id = ?")
                .params(workspace.value(), program.value())
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    public void savePayoutMinimum(WorkspaceId workspace, ProgramId program, BigDecimal minimum, Instant now) {
        db.sql("""
                        insert into commissions_plan (program_id, workspace_id, payout_minimum, updated_at) values (?, ?, ?, ?)
                        on conflict (program_id) do update set payout_minimum = excluded.payout_minimum,
                            updated_at = excluded.updated_at
                        where commissions_plan.workspace_id = excluded.workspace_id
                        """)
                .params(program.value(), workspace.value(), minimum, Timestamp.from(now))
                .update();
    }

    private static CommissionRule map(ResultSet rs, Map<UUID, BigDecimal> overrides) throws SQLException {
        String capPeriod = rs.getString("cap_period");
        return new CommissionRule(
                rs.getObject("id", UUID.class),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                rs.getString("name"),
                CommissionEvent.valueOf(rs.getString("event")),
                CommissionBasis.valueOf(rs.getString("basis")),
                rs.getBigDecimal("rate"),
                rs.getBigDecimal("flat_amount"),
                CommissionDuration.valueOf(rs.getString("duration")),
                (Integer) rs.getObject("duration_months"),
                rs.getString("product"),
                rs.getString("country"),
                rs.getBigDecimal("min_amount"),
                rs.getBigDecimal("max_amount"),
                rs.getObject("tier_id", UUID.class),
                rs.getBigDecimal("cap_amount"),
                capPeriod == null ? null : CapPeriod.valueOf(capPeriod),
                overrides,
                rs.getBoolean("active"));
    }
}
