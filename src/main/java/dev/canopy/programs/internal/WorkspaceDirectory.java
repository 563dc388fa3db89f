package dev.canopy.programs.internal;

import dev.canopy.shared.WorkspaceId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds a workspace by its public address for the public programme pages, which nobody is signed in to.
 * It reads identity's workspace table because identity's API offers no lookup by slug yet; it reads
 * the id, name and slug only.
 */
@Repository
public class WorkspaceDirectory {

    public record Listed(WorkspaceId id, String slug, String name) {}

    private final JdbcClient db;

    WorkspaceDirectory(JdbcClient db) {
        this.db = db;
    }

    public Optional<Listed> bySlug(String slug) {
        return db.sql("select id, slug, name from identity_workspace where slug = ?")
                .param(slug)
                .query((rs, n) -> new Listed(
                        new WorkspaceId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name")))
                .optional();
    }

    public Listed byId(WorkspaceId id) {
        return db.sql("select id, slug, name from identity_workspace where id = ?")
                .param(id.value())
                .query((rs, n) -> new Listed(
                        new WorkspaceId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name")))
                .single();
    }
}
