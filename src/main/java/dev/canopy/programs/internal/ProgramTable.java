package dev.canopy.programs.internal;

import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Reward;
import dev.canopy.programs.RewardType;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProgramTable {

    /** A programme and the workspace it belongs to, for work that runs outside any request. */
    public record Owned(WorkspaceId workspace, ProgramView program) {}

    private final JdbcClient db;

    ProgramTable(JdbcClient db) {
        this.db = db;
    }

    /** A programme's detail columns in table order, between what comes before and after them in a statement. */
    private static List<Object> row(List<Object> before, ProgramRules.Details d, List<Object> after) {
        List<Object> values = new ArrayList<>(before);
        values.addAll(Arrays.asList(
                d.name(),
                d.slug(),
                Rows.names(d.partnerTypes()),
                d.valueProposition(),
                d.rewardType().name(),
                d.rewardRateMin(),
                d.rewardRateMax(),
                d.rewardBasis(),
                d.currency(),
                d.coMarketing(),
                d.training(),
                d.attributionWindowDays(),
                d.holdPeriodDays(),
                d.reapplyAfterDays(),
                d.demotionGraceDays(),
                d.acceptingApplications()));
        values.addAll(after);
        return values;
    }

    /** False when the slug is taken in the workspace. */
    public boolean insert(WorkspaceId workspace, ProgramId id, ProgramRules.Details d, Instant now) {
        return db.sql("""
                        insert into programs_program
                            (id, workspace_id, name, slug, partner_types, value_proposition, reward_type,
                             reward_rate_min, reward_rate_max, reward_basis, currency, co_marketing, training,
                             attribution_window_days, hold_period_days, reapply_after_days, demotion_grace_days,
                             accepting_applications, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, slug) do nothing
                        """)
                        .params(row(List.of(id.value(), workspace.value()), d, List.of(Rows.ts(now), Rows.ts(now))))
                        .update()
                == 1;
    }

    /** False when another programme of the workspace has the slug. */
    public boolean update(WorkspaceId workspace, ProgramId id, ProgramRules.Details d, Instant now) {
        return db.sql("""
                        update programs_program set name = ?, slug = ?, partner_types = ?, value_proposition = ?,
                            reward_type = ?, reward_rate_min = ?, reward_rate_max = ?, reward_basis = ?, currency = ?,
                            co_marketing = ?, training = ?, attribution_window_days = ?, hold_period_days = ?,
                            reapply_after_days = ?, demotion_grace_days = ?, accepting_applications = ?, updated_at = ?
                        where workspace_id = ? and id = ?
                          and not exists (select 1 from programs_program o
                                          where o.workspace_id = ? and o.slug = ? and o.id <> ?)
                        """)
                        .params(row(
                                List.of(),
                                d,
                                List.of(
                                        Rows.ts(now),
                                        workspace.value(),
                                        id.value(),
                                        workspace.value(),
                                        d.slug(),
                                        id.value())))
                        .update()
                == 1;
    }

    public void updateDecisions(
            WorkspaceId workspace, ProgramId id, Integer autoApproveScore, Integer autoRejectBelow, Instant now) {
        db.sql("""
                        update programs_program set auto_approve_score = ?, auto_reject_below = ?, updated_at = ?
                        where workspace_id = ? and id = ?
                        """)
                .params(autoApproveScore, autoRejectBelow, Rows.ts(now), workspace.value(), id.value())
                .update();
    }

    public List<ProgramView> list(WorkspaceId workspace) {
        return db.sql("select * from programs_program where workspace_id = ? order by name")
                .param(workspace.value())
                .query(ProgramTable::map)
                .list();
    }

    public List<ProgramView> accepting(WorkspaceId workspace) {
        return db.sql("select * from programs_program where workspace_id = ? and accepting_applications order by name")
                .param(workspace.value())
                .query(ProgramTable::map)
                .list();
    }

    public Optional<ProgramView> find(WorkspaceId workspace, ProgramId id) {
        return db.sql("select * from programs_program where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(ProgramTable::map)
                .optional();
    }

    public Optional<ProgramView> findBySlug(WorkspaceId workspace, String slug) {
        return db.sql("select * from programs_program where workspace_id = ? and slug = ?")
                .params(workspace.value(), slug)
                .query(ProgramTable::map)
                .optional();
    }

    /** Takes the programme's row lock: changes to its terms and tiers happen one at a time. */
    public void lock(WorkspaceId workspace, ProgramId id) {
        db.sql("select id from programs_program where workspace_id = ? and id = ? for update")
                .params(workspace.value(), id.value())
                .query(UUID.class)
                .optional();
    }

    /** Every programme of every workspace, for the daily tier review. */
    public List<Owned> all() {
        return db.sql("select * from programs_program order by workspace_id, id")
                .query((rs, n) -> new Owned(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), map(rs, n)))
                .list();
    }

    private static ProgramView map(ResultSet rs, int row) throws SQLException {
        return new ProgramView(
                new ProgramId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("slug"),
                Rows.types(rs.getArray("partner_types")),
                rs.getString("value_proposition"),
                new Reward(
                        RewardType.valueOf(rs.getString("reward_type")),
                        rs.getBigDecimal("reward_rate_min"),
                        rs.getBigDecimal("reward_rate_max"),
                        rs.getString("reward_basis"),
                        rs.getString("currency")),
                rs.getString("co_marketing"),
                rs.getString("training"),
                rs.getInt("attribution_window_days"),
                rs.getInt("hold_period_days"),
                rs.getInt("reapply_after_days"),
                rs.getInt("demotion_grace_days"),
                Rows.integer(rs, "auto_approve_score"),
                Rows.integer(rs, "auto_reject_below"),
                rs.getBoolean("accepting_applications"),
                Rows.instant(rs.getTimestamp("created_at")),
                Rows.instant(rs.getTimestamp("updated_at")));
    }
}
