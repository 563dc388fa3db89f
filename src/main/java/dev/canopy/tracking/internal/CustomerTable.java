package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Cursors;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerTable {

    public record Row(
            UUID id,
            String externalId,
            String email,
            String name,
            String domain,
            String country,
            String status,
            PartnerId partner,
            ProgramId program,
            Instant attributedAt,
            Instant createdAt,
            Instant firstSaleAt,
            Instant churnedAt) {

        /**
         * The customer as people read it on every page, list and statement: its name, else its email, else its id
         * in the vendor's system (the lists' SQL writes the same rule as {@code coalesce(name, email, external_id)}).
         */
        public String label() {
            return name != null && !name.isBlank() ? name : email != null ? email : externalId;
        }
    }

    private static final String COLUMNS = "id, external_id, email, name, domain, country, status, partner_id,"
            + " program_id, attributed_at, created_at, first_sale_at, churned_at";

    private final JdbcClient db;

    CustomerTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from tracking_customer where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(CustomerTable::row)
                .optional();
    }

    public Optional<Row> byExternalId(WorkspaceId workspace, String externalId) {
        return db.sql("select " + COLUMNS + " from tracking_customer where workspace_id = ? and external_id = ?")
                .params(workspace.value(), externalId)
                .query(CustomerTable::row)
                .optional();
    }

    /** The oldest customer with this email that no other external id claims yet. */
    public Optional<Row> byEmail(WorkspaceId workspace, String email, String externalId) {
        return db.sql("select " + COLUMNS + """
                         from tracking_customer
                        where workspace_id = ? and email = ? and (external_id is null or external_id = ?)
                        order by created_at, id limit 1
                        """)
                .params(workspace.value(), email, externalId)
                .query(CustomerTable::row)
                .optional();
    }

    public void insert(WorkspaceId workspace, Row c) {
        db.sql("""
                        insert into tracking_customer (id, workspace_id, external_id, email, name, domain, country, status,
                          created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        c.id(),
                        workspace.value(),
                        c.externalId(),
                        c.email(),
                        c.name(),
                        c.domain(),
                        c.country(),
                        c.status(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    /**
     * Fills in what a later event knows and the customer did not: its external id, email, name, country. What
     * the customer had stays, so its first known country is the one commissions see.
     */
    public void complete(
            WorkspaceId workspace,
            UUID id,
            String externalId,
            String email,
            String name,
            String domain,
            String country) {
        db.sql("""
                        update tracking_customer set external_id = coalesce(external_id, ?), email = coalesce(email, ?),
                          name = coalesce(name, ?), domain = coalesce(domain, ?), country = coalesce(country, ?)
                        where workspace_id = ? and id = ?
                        """)
                .params(externalId, email, name, domain, country, workspace.value(), id)
                .update();
    }

    public void attribute(WorkspaceId workspace, UUID id, PartnerId partner, ProgramId program, Instant at) {
        db.sql(
                        "update tracking_customer set partner_id = ?, program_id = ?, attributed_at = ? where workspace_id = ? and id = ?")
                .params(partner.value(), program.value(), Timestamp.from(at), workspace.value(), id)
                .update();
    }

    public void paid(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("""
                        update tracking_customer set status = 'CUSTOMER', churned_at = null,
                          first_sale_at = case when first_sale_at is null or first_sale_at > ? then ? else first_sale_at end
                        where workspace_id = ? and id = ?
                        """)
                .params(Timestamp.from(at), Timestamp.from(at), workspace.value(), id)
                .update();
    }

    public void churned(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("update tracking_customer set status = 'CHURNED', churned_at = ? where workspace_id = ? and id = ?")
                .params(Timestamp.from(at), workspace.value(), id)
                .update();
    }

    public long activeOf(WorkspaceId workspace, PartnerId partner) {
        return db.sql(
                        "select count(*) from tracking_customer where workspace_id = ? and partner_id = ? and status = 'CUSTOMER'")
                .params(workspace.value(), partner.value())
                .query(Long.class)
                .single();
    }

    /** Newest first, optionally of one partner and matching a text, before a creation-time cursor. */
    public List<Row> list(
            WorkspaceId workspace, PartnerId partner, String query, Cursors.@Nullable Position after, int limit) {
        return db.sql("select " + COLUMNS + """
                         from tracking_customer
                        where workspace_id = :workspace
                          and (cast(:partner as uuid) is null or partner_id = :partner)
                          and (cast(:q as text) is null or email ilike '%' || :q || '%' or name ilike '%' || :q || '%'
                               or external_id ilike '%' || :q || '%')
                          and (cast(:at as timestamptz) is null or (created_at, id) < (:at, :id))
                        order by created_at desc, id desc limit :limit
                        """)
                .param("workspace", workspace.value())
                .param("partner", partner == null ? null : partner.value())
                .param("q", query == null || query.isBlank() ? null : query.strip())
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(CustomerTable::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        UUID program = rs.getObject("program_id", UUID.class);
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("external_id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("domain"),
                rs.getString("country"),
                rs.getString("status"),
                partner == null ? null : new PartnerId(partner),
                program == null ? null : new ProgramId(program),
                instant(rs, "attributed_at"),
                instant(rs, "created_at"),
                instant(rs, "first_sale_at"),
                instant(rs, "churned_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
