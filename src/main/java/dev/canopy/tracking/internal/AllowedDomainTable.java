package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AllowedDomainTable {

    private final JdbcClient db;

    AllowedDomainTable(JdbcClient db) {
        this.db = db;
    }

    public List<String> list(WorkspaceId workspace) {
        return db.sql("select domain from tracking_allowed_domain where workspace_id = ? order by domain")
                .param(workspace.value())
                .query(String.class)
                .list();
    }

    public boolean add(WorkspaceId workspace, String domain, Instant now) {
        return db.sql("""
                        insert into tracking_allowed_domain (workspace_id, domain, created_at) values (?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(workspace.value(), domain, Timestamp.from(now))
                        .update()
                == 1;
    }

    public boolean remove(WorkspaceId workspace, String domain) {
        return db.sql("delete from tracking_allowed_domain where workspace_id = ? and domain = ?")
                        .params(workspace.value(), domain)
                        .update()
                == 1;
    }
}
