package dev.canopy.partners.internal;

import dev.canopy.partners.Contact;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ContactTable {

    private final JdbcClient db;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ContactTable(JdbcClient db, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId workspace, PartnerId partner, Contact contact) {
        if (contact.primary()) {
            db.sql("update partners_contact set is_primary = false where workspace_id = ? and partner_id = ?")
                    .params(workspace.value(), partner.value())
                    .update();
        }
        db.sql("""
                        insert into partners_contact (id, workspace_id, partner_id, name, email, phone, title, is_primary, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        contact.id(),
                        workspace.value(),
                        partner.value(),
                        contact.name(),
                        contact.email(),
                        contact.phone(),
                        contact.title(),
                        contact.primary(),
                        Timestamp.from(contact.createdAt()))
                .update();
    }

    public List<Contact> list(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select id, name, email, phone, title, is_primary, created_at from partners_contact
                        where workspace_id = ? and partner_id = ? order by is_primary desc, name
                        """)
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new Contact(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    public Optional<Contact> find(WorkspaceId workspace, PartnerId partner, UUID id) {
        return list(workspace, partner).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public void delete(WorkspaceId workspace, PartnerId partner, UUID id) {
        db.sql("delete from partners_contact where workspace_id = ? and partner_id = ? and id = ?")
                .params(workspace.value(), partner.value(), id)
                .update();
    }

    /** Many primary contacts in one batch, for imports of new partners. */
    public void insertAll(WorkspaceId workspace, List<PartnerId> partners, List<Contact> contacts) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            rows.add(new Object[] {
                c.id(),
                workspace.value(),
                partners.get(i).value(),
                c.name(),
                c.email(),
                c.phone(),
                c.title(),
                c.primary(),
                Timestamp.from(c.createdAt())
            });
        }
        jdbc.batchUpdate("""
                insert into partners_contact (id, workspace_id, partner_id, name, email, phone, title, is_primary, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }
}
