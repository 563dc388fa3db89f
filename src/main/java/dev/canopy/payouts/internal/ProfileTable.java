package dev.canopy.payouts.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutProfile;
import dev.canopy.payouts.TaxProfile;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' payout and tax details. */
@Repository
public class ProfileTable {

    private final JdbcClient db;

    ProfileTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<PayoutProfile> payout(WorkspaceId workspace, PartnerId partner) {
        return db.sql("select * from payouts_profile where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query(ProfileTable::payout)
                .optional();
    }

    public List<PayoutProfile> payouts(WorkspaceId workspace, List<PartnerId> partners) {
        return db.sql("select * from payouts_profile where workspace_id = ? and partner_id = any(?::uuid[])")
                .params(
                        workspace.value(),
                        partners.stream().map(PartnerId::value).toArray(UUID[]::new))
                .query(ProfileTable::payout)
                .list();
    }

    /** The payout details each payable line of an exported run was paid to, as they were at export. */
    public List<PayoutProfile> paidTo(WorkspaceId workspace, UUID run) {
        return db.sql("""
                        select (jsonb_populate_record(null::payouts_profile, paid_to)).* from payouts_line
                        where workspace_id = ? and run_id = ? and paid_to is not null
                        """)
                .params(workspace.value(), run)
                .query(ProfileTable::payout)
                .list();
    }

    /** The tax details a payout line's tax was worked out with, as they were when the line was written. */
    public Optional<TaxProfile> taxOfLine(WorkspaceId workspace, UUID line) {
        return db.sql("""
                        select (jsonb_populate_record(null::payouts_tax_profile, tax_identity)).* from payouts_line
                        where workspace_id = ? and id = ? and tax_identity is not null
                        """)
                .params(workspace.value(), line)
                .query(ProfileTable::tax)
                .optional();
    }

    public void savePayout(WorkspaceId workspace, PayoutProfile p, String fingerprint) {
        db.sql("""
                        insert into payouts_profile (partner_id, workspace_id, method, payee_name, email, iban, bic,
                            account_number, bank_code, country, payout_currency, fingerprint, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (partner_id) do update set method = excluded.method, payee_name = excluded.payee_name,
                            email = excluded.email, iban = excluded.iban, bic = excluded.bic,
                            account_number = excluded.account_number, bank_code = excluded.bank_code,
                            country = excluded.country, payout_currency = excluded.payout_currency,
                            fingerprint = excluded.fingerprint,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        where payouts_profile.workspace_id = excluded.workspace_id
                        """)
                .params(
                        p.partner().value(),
                        workspace.value(),
                        p.method(),
                        p.payeeName(),
                        p.email(),
                        p.iban(),
                        p.bic(),
                        p.accountNumber(),
                        p.bankCode(),
                        p.country(),
                        p.payoutCurrency(),
                        fingerprint,
                        Timestamp.from(p.updatedAt()),
                        p.updatedBy())
                .update();
    }

    public Optional<TaxProfile> tax(WorkspaceId workspace, PartnerId partner) {
        return db.sql("select * from payouts_tax_profile where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query(ProfileTable::tax)
                .optional();
    }

    public List<TaxProfile> taxes(WorkspaceId workspace, List<PartnerId> partners) {
        return db.sql("select * from payouts_tax_profile where workspace_id = ? and partner_id = any(?::uuid[])")
                .params(
                        workspace.value(),
                        partners.stream().map(PartnerId::value).toArray(UUID[]::new))
                .query(ProfileTable::tax)
                .list();
    }

    public void saveTax(WorkspaceId workspace, TaxProfile t) {
        db.sql("""
                        insert into payouts_tax_profile (partner_id, workspace_id, country, legal_name, address, pan, gstin,
                            us_form, tax_id, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (partner_id) do update set country = excluded.country,
                            legal_name = excluded.legal_name, address = excluded.address, pan = excluded.pan,
                            gstin = excluded.gstin, us_form = excluded.us_form, tax_id = excluded.tax_id,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        where payouts_tax_profile.workspace_id = excluded.workspace_id
                        """)
                .params(
                        t.partner().value(),
                        workspace.value(),
                        t.country(),
                        t.legalName(),
                        t.address(),
                        t.pan(),
                        t.gstin(),
                        t.usForm(),
                        t.taxId(),
                        Timestamp.from(t.updatedAt()),
                        t.updatedBy())
                .update();
    }

    /** Other partners of the workspace with the same payout details or the same PAN or tax id. */
    public List<String> sameAs(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select 'same payout details as partner ' || o.partner_id from payouts_profile me
                        join payouts_profile o on o.workspace_id = me.workspace_id and o.fingerprint = me.fingerprint
                            and o.partner_id <> me.partner_id
                        where me.workspace_id = ? and me.partner_id = ?
                        union all
                        select 'same tax id as partner ' || o.partner_id from payouts_tax_profile me
                        join payouts_tax_profile o on o.workspace_id = me.workspace_id and o.partner_id <> me.partner_id
                            and (o.pan = me.pan or o.tax_id = me.tax_id)
                        where me.workspace_id = ? and me.partner_id = ?
                        """)
                .params(workspace.value(), partner.value(), workspace.value(), partner.value())
                .query(String.class)
                .list();
    }

    private static PayoutProfile payout(ResultSet rs, int n) throws SQLException {
        return new PayoutProfile(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("method"),
                rs.getString("payee_name"),
                rs.getString("email"),
                rs.getString("iban"),
                rs.getString("bic"),
                rs.getString("account_number"),
                rs.getString("bank_code"),
                rs.getString("country"),
                rs.getString("payout_currency"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    private static TaxProfile tax(ResultSet rs, int n) throws SQLException {
        return new TaxProfile(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("country"),
                rs.getString("legal_name"),
                rs.getString("address"),
                rs.getString("pan"),
                rs.getString("gstin"),
                rs.getString("us_form"),
                rs.getString("tax_id"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
