package dev.canopy.partners.internal;

import dev.canopy.partners.ImportView;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ImportTable {

    private static final String SELECT =
            "select id, file_name, status, total_rows, processed, imported, rejected, failure, created_by, created_at, finished_at from partners_import";

    private final JdbcClient db;

    ImportTable(JdbcClient db) {
        this.db = db;
    }

    public void start(WorkspaceId workspace, UUID id, String fileName, int totalRows, String createdBy, Instant now) {
        db.sql("""
                        insert into partners_import (id, workspace_id, file_name, status, total_rows, created_by, created_at)
                        values (?, ?, ?, 'RUNNING', ?, ?, ?)
                        """)
                .params(id, workspace.value(), fileName, totalRows, createdBy, Timestamp.from(now))
                .update();
    }

    public void progress(UUID id, int processed, int imported, int rejected) {
        db.sql("update partners_import set processed = ?, imported = ?, rejected = ? where id = ?")
                .params(processed, imported, rejected, id)
                .update();
    }

    public void finish(UUID id, String rejectedCsv, Instant now) {
        db.sql("update partners_import set status = 'DONE', rejected_csv = ?, finished_at = ? where id = ?")
                .params(rejectedCsv, Timestamp.from(now), id)
                .update();
    }

    public void fail(UUID id, String failure, Instant now) {
        db.sql("update partners_import set status = 'FAILED', failure = ?, finished_at = ? where id = ?")
                .params(failure, Timestamp.from(now), id)
                .update();
    }

    public Optional<ImportView> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(ImportTable::map)
                .optional();
    }

    public List<ImportView> recent(WorkspaceId workspace) {
        return db.sql(SELECT + " where workspace_id = ? order by created_at desc limit 10")
                .param(workspace.value())
                .query(ImportTable::map)
                .list();
    }

    public Optional<String> rejectedCsv(WorkspaceId workspace, UUID id) {
        return db.sql("select rejected_csv from partners_import where workspace_id = ? and id = ? and status = 'DONE'")
                .params(workspace.value(), id)
                .query(String.class)
                .optional();
    }

    private static ImportView map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportView(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                ImportView.Status.valueOf(rs.getString("status")),
                rs.getInt("total_rows"),
                rs.getInt("processed"),
                rs.getInt("imported"),
                rs.getInt("rejected"),
                rs.getString("failure"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
