package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner refs: the short public name of a partner that every redirect adds to the destination. */
@Repository
public class RefTable {

    private final JdbcClient db;

    RefTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<String> refOf(WorkspaceId workspace, PartnerId partner) {
        return db.sql("select ref from tracking_partner_ref where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query(String.class)
                .optional();
    }

    /** The refs of these partners, for those that have one. */
    public Map<PartnerId, String> refsOf(WorkspaceId workspace, Collection<PartnerId> partners) {
        Map<PartnerId, String> refs = new HashMap<>();
        db.sql("select partner_id, ref from tracking_partner_ref where workspace_id = ? and partner_id = any(?)")
                .params(
                        workspace.value(),
                        partners.stream().map(PartnerId::value).toArray(UUID[]::new))
                .query((rs, n) -> refs.put(new PartnerId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list();
        return refs;
    }

    public Optional<PartnerId> partnerOf(WorkspaceId workspace, String ref) {
        return db.sql("select partner_id from tracking_partner_ref where workspace_id = ? and ref = ?")
                .params(workspace.value(), ref)
                .query(UUID.class)
                .optional()
                .map(PartnerId::new);
    }

    /**
     * Gives each partner its ref in one statement, unless it has one already or the ref is taken (by anyone, or by an
     * earlier partner in {@code wanted}); answers the partners given theirs.
     */
    public Set<PartnerId> claimAll(WorkspaceId workspace, Map<PartnerId, String> wanted) {
        List<PartnerId> partners = List.copyOf(wanted.keySet());
        Set<PartnerId> given = new HashSet<>();
        db.sql("""
                        insert into tracking_partner_ref (workspace_id, partner_id, ref)
                        select ?, p, r from unnest(?::uuid[], ?::text[]) with ordinality as t (p, r, n) order by n
                        on conflict do nothing
                        returning partner_id
                        """)
                .params(
                        workspace.value(),
                        partners.stream().map(PartnerId::value).toArray(UUID[]::new),
                        partners.stream().map(wanted::get).toArray(String[]::new))
                .query((rs, n) -> given.add(new PartnerId(rs.getObject(1, UUID.class))))
                .list();
        return given;
    }

    /** Gives the partner {@code ref} unless it has one already or the ref is taken; true when given. */
    public boolean claim(WorkspaceId workspace, PartnerId partner, String ref) {
        return db.sql(
                                "insert into tracking_partner_ref (workspace_id, partner_id, ref) values (?, ?, ?) on conflict do nothing")
                        .params(workspace.value(), partner.value(), ref)
                        .update()
                == 1;
    }
}
