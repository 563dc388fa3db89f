package dev.canopy.partners.internal;

import dev.canopy.shared.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SettingsTable {

    public static final int DEFAULT_DORMANCY_DAYS = 60;

    private final JdbcClient db;

    SettingsTable(JdbcClient db) {
        this.db = db;
    }

    public int dormancyDays(WorkspaceId workspace) {
        return db.sql("select dormancy_days from partners_settings where workspace_id = ?")
                .param(workspace.value())
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_DORMANCY_DAYS);
    }

    public void setDormancyDays(WorkspaceId workspace, int days) {
        db.sql("""
                        insert into partners_settings (workspace_id, dormancy_days) values (?, ?)
                        on conflict (workspace_id) do update set dormancy_days = excluded.dormancy_days
                        """).params(workspace.value(), days).update();
    }
}
