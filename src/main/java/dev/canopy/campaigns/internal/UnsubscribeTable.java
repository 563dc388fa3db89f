package dev.canopy.campaigns.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addresses that unsubscribed from a workspace's campaigns: once each, kept. */
@Repository
public class UnsubscribeTable {

    private final JdbcClient db;

    UnsubscribeTable(JdbcClient db) {
        this.db = db;
    }

    /** True when this is the address's first unsubscribe in the workspace. */
    public boolean add(WorkspaceId workspace, String address, @Nullable UUID recipient, Instant at) {
        return db.sql("""
                        insert into campaigns_unsubscribe (workspace_id, address, recipient_id, unsubscribed_at)
                        values (:workspace, :address, :recipient, :at) on conflict do nothing
                        """)
                        .param("workspace", workspace.value())
                        .param("address", address)
                        .param("recipient", recipient)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public boolean contains(WorkspaceId workspace, String address) {
        return !among(workspace, Set.of(address)).isEmpty();
    }

    /** Which of {@code addresses} unsubscribed. */
    public Set<String> among(WorkspaceId workspace, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        return db
                .sql("""
                        select address from campaigns_unsubscribe
                        where workspace_id = :workspace and address = any(:addresses)
                        """)
                .param("workspace", workspace.value())
                .param("addresses", addresses.toArray(String[]::new))
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }
}
