package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links and customers brought from another PRM, stored a batch at a time. */
@Repository
public class ImportedRows {

    /** A link to store; the programme and partner are checked by the caller. */
    public record NewLink(UUID id, UUID partner, UUID program, String slug, String destination) {}

    /** A customer to store, attributed to its partner since it was created. */
    public record NewCustomer(
            UUID id, String externalId, String email, String name, String status, UUID partner, Instant createdAt) {}

    private final JdbcClient db;

    ImportedRows(JdbcClient db) {
        this.db = db;
    }

    /** Which of the links are stored already. */
    public Set<UUID> existingLinks(WorkspaceId workspace, Collection<UUID> ids) {
        return db.sql("select id from tracking_link where workspace_id = ? and id = any(?)")
                .params(workspace.value(), ids.toArray(UUID[]::new))
                .query(UUID.class)
                .set();
    }

    /** The slugs among {@code slugs} that links of the workspace use. */
    public Set<String> takenSlugs(WorkspaceId workspace, Collection<String> slugs) {
        return db.sql("select slug from tracking_link where workspace_id = ? and slug = any(?)")
                .params(workspace.value(), slugs.toArray(String[]::new))
                .query(String.class)
                .set();
    }

    public void insertLinks(WorkspaceId workspace, List<NewLink> links, Instant now) {
        if (links.isEmpty()) {
            return;
        }
        db.sql("""
                        insert into tracking_link (id, workspace_id, partner_id, program_id, slug, destination, created_at,
                                                   updated_at)
                        select l.id, ?, l.partner_id, l.program_id, l.slug, l.destination, ?, ?
                        from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[])
                             as l(id, partner_id, program_id, slug, destination)
                        """)
                .params(
                        workspace.value(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        links.stream().map(NewLink::id).toArray(UUID[]::new),
                        links.stream().map(NewLink::partner).toArray(UUID[]::new),
                        links.stream().map(NewLink::program).toArray(UUID[]::new),
                        links.stream().map(NewLink::slug).toArray(String[]::new),
                        links.stream().map(NewLink::destination).toArray(String[]::new))
                .update();
    }

    /** The customers known by these external ids, each with its partner (null when unattributed). */
    public Map<String, UUID[]> customersByExternalId(WorkspaceId workspace, Collection<String> externalIds) {
        Map<String, UUID[]> found = new HashMap<>();
        db.sql("""
                        select external_id, id, partner_id from tracking_customer
                        where workspace_id = ? and external_id = any(?)
                        """)
                .params(workspace.value(), externalIds.toArray(String[]::new))
                .query((rs, n) -> found.put(
                        rs.getString("external_id"),
                        new UUID[] {rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class)}))
                .list();
        return found;
    }

    public void insertCustomers(WorkspaceId workspace, UUID program, List<NewCustomer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        db.sql("""
                        insert into tracking_customer (id, workspace_id, external_id, email, name, status, partner_id,
                                                       program_id, attributed_at, created_at, first_sale_at)
                        select c.id, ?, c.external_id, c.email, c.name, c.status, c.partner_id, ?, c.created_at,
                               c.created_at, case when c.status <> 'LEAD' then c.created_at end
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::timestamptz[])
                             as c(id, external_id, email, name, status, partner_id, created_at)
                        """)
                .params(
                        workspace.value(),
                        program,
                        customers.stream().map(NewCustomer::id).toArray(UUID[]::new),
                        customers.stream().map(NewCustomer::externalId).toArray(String[]::new),
                        customers.stream().map(NewCustomer::email).toArray(String[]::new),
                        customers.stream().map(NewCustomer::name).toArray(String[]::new),
                        customers.stream().map(NewCustomer::status).toArray(String[]::new),
                        customers.stream().map(NewCustomer::partner).toArray(UUID[]::new),
                        customers.stream()
                                .map(c -> Timestamp.from(c.createdAt()))
                                .toArray(Timestamp[]::new))
                .update();
    }

    /** Gives an unattributed customer Canopy knew already the partner the other PRM credited. */
    public void attribute(WorkspaceId workspace, UUID customer, UUID partner, UUID program, Instant at) {
        db.sql("""
                        update tracking_customer set partner_id = ?, program_id = ?, attributed_at = ?
                        where workspace_id = ? and id = ? and partner_id is null
                        """)
                .params(partner, program, Timestamp.from(at), workspace.value(), customer)
                .update();
    }
}
