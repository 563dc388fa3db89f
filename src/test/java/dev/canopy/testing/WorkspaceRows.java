package dev.canopy.testing;

import dev.canopy.shared.WorkspaceId;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row a workspace owns (each table with a workspace_id column), taken once the events already
 * published have been handled: equal digests before and after a request mean it changed nothing.
 */
public class WorkspaceRows {

    private final JdbcClient db;

    WorkspaceRows(JdbcClient db) {
        this.db = db;
    }

    public String digest(WorkspaceId workspace) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
        List<String> tables = db.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                        where c.table_schema = 'public' and c.column_name = 'workspace_id' and t.table_type = 'BASE TABLE'
                        order by c.table_name
                        """).query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(table)
                    .append('=')
                    .append(db.sql("select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) from "
                                    + table + " t where workspace_id = ?")
                            .param(workspace.value())
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        return all.toString();
    }
}
