package dev.canopy.directory.internal;

import dev.canopy.shared.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether a workspace shows its public directory; off until staff turn it on. */
@Repository
public class DirectorySettingsTable {

    private final JdbcClient db;

    DirectorySettingsTable(JdbcClient db) {
        this.db = db;
    }

    public boolean enabled(WorkspaceId workspace) {
        return db.sql("select enabled from directory_settings where workspace_id = ?")
                .param(workspace.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void enable(WorkspaceId workspace, boolean enabled) {
        db.sql("""
                        insert into directory_settings (workspace_id, enabled) values (?, ?)
                        on conflict (workspace_id) do update set enabled = excluded.enabled
                        """).params(workspace.value(), enabled).update();
    }
}
