package dev.canopy.deals.internal;

import dev.canopy.deals.AccountStatus;
import dev.canopy.deals.MappedAccount;
import dev.canopy.deals.SharingLevel;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Sha256;
import dev.canopy.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Account lists and partnerships. A partner's rows carry sha256(partnership salt || registrable domain);
 * the vendor's list is kept once and hashed with each partnership's salt inside the overlap query, so
 * matching compares hashes only and a hash means nothing outside its partnership (ADR 12).
 */
@Repository
public class MappingTable {

    /** One side's levels and the partnership's existence. */
    public record Partnership(PartnerId partner, SharingLevel vendorLevel, SharingLevel partnerLevel) {}

    /** An account on both lists: the vendor's record and the partner's. */
    public record Match(MappedAccount vendor, MappedAccount partner) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    MappingTable(JdbcClient db) {
        this.db = db;
    }

    /** Creates the partnership with a fresh salt and both levels hidden, unless it exists. */
    public void ensure(WorkspaceId workspace, PartnerId partner, Instant now) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        db.sql("""
                        insert into deals_mapping_partnership (workspace_id, partner_id, salt, updated_at)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .params(workspace.value(), partner.value(), salt, Rows.ts(now))
                .update();
    }

    public Optional<Partnership> partnership(WorkspaceId workspace, PartnerId partner) {
        return db.sql("select * from deals_mapping_partnership where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query((rs, n) -> partnership(rs))
                .optional();
    }

    public List<Partnership> partnerships(WorkspaceId workspace) {
        return db.sql("select * from deals_mapping_partnership where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> partnership(rs))
                .list();
    }

    public void setLevel(
            WorkspaceId workspace, PartnerId partner, boolean vendorSide, SharingLevel level, Instant now) {
        db.sql("update deals_mapping_partnership set " + (vendorSide ? "vendor_level" : "partner_level")
                        + " = ?, updated_at = ? where workspace_id = ? and partner_id = ?")
                .params(level.name(), Rows.ts(now), workspace.value(), partner.value())
                .update();
    }

    /**
     * Replaces the vendor's list: new domains are added, listed ones updated, unlisted ones removed; the first
     * time each account is seen in each status is kept (evidence for sourcing), whatever later uploads say.
     */
    public void replaceVendorAccounts(WorkspaceId workspace, List<MappedAccount> accounts, Instant now) {
        db.sql(
                        "delete from deals_mapping_account where workspace_id = ? and partner_id is null and not (domain = any(?))")
                .params(
                        workspace.value(),
                        accounts.stream().map(MappedAccount::domain).toArray(String[]::new))
                .update();
        for (MappedAccount a : accounts) {
            db.sql("""
                            insert into deals_mapping_account (id, workspace_id, partner_id, name, normalized_name, domain,
                                domain_hash, status, uploaded_at)
                            values (?, ?, null, ?, ?, ?, null, ?, ?)
                            on conflict (workspace_id, domain) where partner_id is null
                            do update set name = excluded.name, normalized_name = excluded.normalized_name,
                                status = excluded.status
                            """)
                    .params(
                            UUID.randomUUID(),
                            workspace.value(),
                            a.name(),
                            CompanyNames.normalize(a.name()),
                            a.domain(),
                            a.status().name(),
                            Rows.ts(now))
                    .update();
            recordStatus(workspace, a, now);
        }
    }

    /** Adds accounts to the vendor's list, leaving the rest alone (Canopy's own customers). */
    public void addVendorAccounts(WorkspaceId workspace, List<MappedAccount> accounts, Instant now) {
        for (MappedAccount a : accounts) {
            db.sql("""
                            insert into deals_mapping_account (id, workspace_id, partner_id, name, normalized_name, domain,
                                domain_hash, status, uploaded_at)
                            values (?, ?, null, ?, ?, ?, null, ?, ?)
                            on conflict (workspace_id, domain) where partner_id is null
                            do update set status = excluded.status
                            """)
                    .params(
                            UUID.randomUUID(),
                            workspace.value(),
                            a.name(),
                            CompanyNames.normalize(a.name()),
                            a.domain(),
                            a.status().name(),
                            Rows.ts(now))
                    .update();
            recordStatus(workspace, a, now);
        }
    }

    private void recordStatus(WorkspaceId workspace, MappedAccount account, Instant now) {
        db.sql("""
                        insert into deals_mapping_account_status (workspace_id, domain, status, since)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .params(workspace.value(), account.domain(), account.status().name(), Rows.ts(now))
                .update();
    }

    /** Replaces a partner's list; each domain stored with its salted hash. */
    public void replacePartnerAccounts(
            WorkspaceId workspace, PartnerId partner, List<MappedAccount> accounts, Instant now) {
        byte[] salt = db.sql("select salt from deals_mapping_partnership where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query(byte[].class)
                .single();
        db.sql("delete from deals_mapping_account where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .update();
        for (MappedAccount a : accounts) {
            db.sql("""
                            insert into deals_mapping_account (id, workspace_id, partner_id, name, normalized_name, domain,
                                domain_hash, status, uploaded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            UUID.randomUUID(),
                            workspace.value(),
                            partner.value(),
                            a.name(),
                            CompanyNames.normalize(a.name()),
                            a.domain(),
                            hash(salt, a.domain()),
                            a.status().name(),
                            Rows.ts(now))
                    .update();
        }
    }

    /** The vendor's list ({@code partner} null) or a partner's, by name. */
    public List<MappedAccount> accounts(WorkspaceId workspace, PartnerId partner) {
        return side(
                        "select name, domain, status from deals_mapping_account where workspace_id = ? and %s"
                                + " order by lower(name), domain",
                        workspace, partner)
                .query((rs, n) -> new MappedAccount(
                        rs.getString("name"), rs.getString("domain"), AccountStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** A page of the vendor's list by name, after the account named {@code after} (name, domain), if any. */
    public List<MappedAccount> vendorAccounts(WorkspaceId workspace, String @Nullable [] after, int limit) {
        return db.sql("""
                        select name, domain, status from deals_mapping_account
                        where workspace_id = ? and partner_id is null
                          and (cast(? as text) is null or (lower(name), domain) > (lower(?), ?))
                        order by lower(name), domain
                        limit ?
                        """)
                .params(
                        workspace.value(),
                        after == null ? null : after[0],
                        after == null ? null : after[0],
                        after == null ? null : after[1],
                        limit)
                .query((rs, n) -> new MappedAccount(
                        rs.getString("name"), rs.getString("domain"), AccountStatus.valueOf(rs.getString("status"))))
                .list();
    }

    public int count(WorkspaceId workspace, PartnerId partner) {
        return side("select count(*) from deals_mapping_account where workspace_id = ? and %s", workspace, partner)
                .query(Integer.class)
                .single();
    }

    private JdbcClient.StatementSpec side(String sql, WorkspaceId workspace, PartnerId partner) {
        return partner == null
                ? db.sql(sql.formatted("partner_id is null")).param(workspace.value())
                : db.sql(sql.formatted("partner_id = ?")).params(workspace.value(), partner.value());
    }

    /** The accounts on both lists, matched on salted hashes of their registrable domains. */
    public List<Match> overlap(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select v.name as v_name, v.domain as v_domain, v.status as v_status,
                               p.name as p_name, p.domain as p_domain, p.status as p_status
                        from deals_mapping_partnership s
                        join deals_mapping_account p on p.workspace_id = s.workspace_id and p.partner_id = s.partner_id
                        join deals_mapping_account v on v.workspace_id = s.workspace_id and v.partner_id is null
                            and sha256(s.salt || convert_to(v.domain, 'UTF8')) = p.domain_hash
                        where s.workspace_id = ? and s.partner_id = ?
                        order by lower(v.name), v.domain
                        """)
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new Match(
                        new MappedAccount(
                                rs.getString("v_name"),
                                rs.getString("v_domain"),
                                AccountStatus.valueOf(rs.getString("v_status"))),
                        new MappedAccount(
                                rs.getString("p_name"),
                                rs.getString("p_domain"),
                                AccountStatus.valueOf(rs.getString("p_status")))))
                .list();
    }

    /**
     * When the vendor first recorded the account at {@code domain} as an open opportunity and as a customer
     * (in its list, even if since removed), named as the list names it now.
     */
    public List<SourcingEvidence.PartnerAction> vendorRecordsSince(WorkspaceId workspace, String domain) {
        return db.sql("""
                        select coalesce(a.name, h.domain) as name, h.status, h.since
                        from deals_mapping_account_status h
                        left join deals_mapping_account a on a.workspace_id = h.workspace_id and a.partner_id is null
                            and a.domain = h.domain
                        where h.workspace_id = ? and h.domain = ? and h.status in ('CUSTOMER', 'OPEN_OPPORTUNITY')
                        """)
                .params(workspace.value(), domain)
                .query((rs, n) -> new SourcingEvidence.PartnerAction(
                        rs.getString("status"), Rows.instant(rs.getTimestamp("since")), rs.getString("name")))
                .list();
    }

    /** Whether the vendor lists the account at {@code domain} as a customer or open opportunity. */
    public boolean vendorHas(WorkspaceId workspace, String domain) {
        return db.sql("""
                        select exists (select 1 from deals_mapping_account where workspace_id = ? and partner_id is null
                            and domain = ? and status in ('CUSTOMER', 'OPEN_OPPORTUNITY'))
                        """)
                .params(workspace.value(), domain)
                .query(Boolean.class)
                .single();
    }

    /** Whether the vendor has the account as a customer or open opportunity and the partner lists it too. */
    public boolean onBothLists(WorkspaceId workspace, PartnerId partner, String domain) {
        return vendorHas(workspace, domain)
                && db.sql("""
                                select exists (select 1 from deals_mapping_partnership s
                                    join deals_mapping_account p on p.workspace_id = s.workspace_id
                                        and p.partner_id = s.partner_id
                                        and p.domain_hash = sha256(s.salt || convert_to(?, 'UTF8'))
                                    where s.workspace_id = ? and s.partner_id = ?)
                                """)
                        .params(domain, workspace.value(), partner.value())
                        .query(Boolean.class)
                        .single();
    }

    static byte[] hash(byte[] salt, String domain) {
        MessageDigest sha = Sha256.digest();
        sha.update(salt);
        sha.update(domain.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    private static Partnership partnership(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Partnership(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                SharingLevel.valueOf(rs.getString("vendor_level")),
                SharingLevel.valueOf(rs.getString("partner_level")));
    }
}
