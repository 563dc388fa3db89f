package dev.canopy.deals.internal;

import dev.canopy.deals.DealClocks;
import dev.canopy.deals.ExtensionPolicy;
import dev.canopy.deals.ProgramDealRules;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's review clocks and each programme's protection rules; defaults until someone saves them. */
@Repository
public class DealSettingsTable {

    public static final DealClocks DEFAULT_CLOCKS = new DealClocks(1, 2);

    private final JdbcClient db;

    DealSettingsTable(JdbcClient db) {
        this.db = db;
    }

    public DealClocks clocks(WorkspaceId workspace) {
        return db.sql(
                        "select review_sla_business_days, lead_sla_business_days from deals_settings where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new DealClocks(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElse(DEFAULT_CLOCKS);
    }

    public void saveClocks(WorkspaceId workspace, DealClocks clocks) {
        db.sql("""
                        insert into deals_settings (workspace_id, review_sla_business_days, lead_sla_business_days)
                        values (?, ?, ?) on conflict (workspace_id) do update
                        set review_sla_business_days = excluded.review_sla_business_days,
                            lead_sla_business_days = excluded.lead_sla_business_days
                        """)
                .params(workspace.value(), clocks.reviewBusinessDays(), clocks.leadBusinessDays())
                .update();
    }

    /** The programme's rules, without its name (the caller knows it); empty when never saved. */
    public Optional<ProgramDealRules> rules(WorkspaceId workspace, ProgramId program) {
        return db.sql("""
                        select protection_days, extension_days, extension_policy from deals_program_settings
                        where workspace_id = ? and program_id = ?
                        """)
                .params(workspace.value(), program.value())
                .query((rs, n) -> new ProgramDealRules(
                        program,
                        null,
                        rs.getInt("protection_days"),
                        rs.getInt("extension_days"),
                        ExtensionPolicy.valueOf(rs.getString("extension_policy"))))
                .optional();
    }

    public void saveRules(WorkspaceId workspace, ProgramDealRules rules) {
        db.sql("""
                        insert into deals_program_settings (program_id, workspace_id, protection_days, extension_days,
                            extension_policy)
                        values (?, ?, ?, ?, ?) on conflict (program_id) do update
                        set protection_days = excluded.protection_days, extension_days = excluded.extension_days,
                            extension_policy = excluded.extension_policy
                        where deals_program_settings.workspace_id = excluded.workspace_id
                        """)
                .params(
                        rules.programId().value(),
                        workspace.value(),
                        rules.protectionDays(),
                        rules.extensionDays(),
                        rules.extensions().name())
                .update();
    }
}
