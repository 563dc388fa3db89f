package dev.canopy.payouts.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.Conversion;
import dev.canopy.payouts.PayoutLineView;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lines of payout runs, one per partner and currency: what each pays, its tax, and the TDS it counted per
 * Indian financial year.
 */
@Repository
public class PayoutLineTable {

    /**
     * A line as computed, before it is stored; {@code conversion} is null when paid in the currency earned.
     * {@code reimbursed} is untaxed: net = gross + gst − tds + reimbursed.
     */
    public record NewLine(
            PartnerId partner,
            int commissions,
            Money gross,
            Money gst,
            Money tds,
            int reimbursements,
            Money reimbursed,
            Money net,
            Conversion conversion,
            boolean payable,
            String carriedReason,
            List<String> taxNotes,
            List<TaxCalculator.TdsYear> tdsYears) {}

    /** A payable line of a run marked paid, with the moment it was marked. */
    public record PaidLine(PartnerId partner, String reference, Money gross, Instant paidAt) {}

    private final JdbcClient db;

    PayoutLineTable(JdbcClient db) {
        this.db = db;
    }

    /**
     * Stores the run's lines in one statement; a line already stored for a partner and currency stays, with the
     * exchange rate it locked. References have at least four digits (PR-0007-0042, PR-0007-12345): lpad alone
     * cuts longer ones.
     */
    public void insertLines(WorkspaceId workspace, PayoutRunView run, List<NewLine> lines) {
        int n = lines.size();
        UUID[] partners = new UUID[n];
        String[] currencies = new String[n];
        Integer[] counts = new Integer[n];
        String[] gross = new String[n];
        String[] gst = new String[n];
        String[] tds = new String[n];
        Integer[] reimbursements = new Integer[n];
        String[] reimbursed = new String[n];
        String[] net = new String[n];
        String[] paidCurrencies = new String[n];
        String[] paidNets = new String[n];
        String[] fxRates = new String[n];
        String[] fxDays = new String[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            NewLine l = lines.get(i);
            partners[i] = l.partner().value();
            currencies[i] = l.gross().currencyCode();
            counts[i] = l.commissions();
            gross[i] = l.gross().amount().toPlainString();
            gst[i] = l.gst().amount().toPlainString();
            tds[i] = l.tds().amount().toPlainString();
            reimbursements[i] = l.reimbursements();
            reimbursed[i] = l.reimbursed().amount().toPlainString();
            net[i] = l.net().amount().toPlainString();
            if (l.conversion() != null) {
                paidCurrencies[i] = l.conversion().paid().currencyCode();
                paidNets[i] = l.conversion().paid().amount().toPlainString();
                fxRates[i] = l.conversion().rate().toPlainString();
                fxDays[i] = l.conversion().rateOn().toString();
            }
            statuses[i] = l.payable() ? "PAYABLE" : "CARRIED";
            reasons[i] = l.carriedReason();
            notes[i] = String.join("\n", l.taxNotes());
        }
        db.sql("""
                        insert into payouts_line (id, run_id, workspace_id, partner_id, currency, commissions, gross, gst, tds,
                            reimbursements, reimbursed, net, paid_currency, paid_net, fx_rate, fx_on, status, carried_reason,
                            reference, tax_notes)
                        select gen_random_uuid(), ?, ?, l.partner, l.currency, l.n, l.gross::numeric, l.gst::numeric,
                               l.tds::numeric, l.rn, l.reimbursed::numeric, l.net::numeric, l.paid_currency,
                               l.paid_net::numeric, l.fx_rate::numeric, l.fx_on::date, l.status, l.reason,
                               ? || '-' || lpad(l.ord::text, greatest(4, length(l.ord::text)), '0'),
                               case when l.notes = '' then '{}'::text[] else string_to_array(l.notes, E'\\n') end
                        from unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             with ordinality
                             as l(partner, currency, n, gross, gst, tds, rn, reimbursed, net, paid_currency, paid_net, fx_rate,
                                  fx_on, status, reason, notes, ord)
                        on conflict (run_id, partner_id, currency) do nothing
                        """)
                .params(
                        run.id(),
                        workspace.value(),
                        run.reference(),
                        partners,
                        currencies,
                        counts,
                        gross,
                        gst,
                        tds,
                        reimbursements,
                        reimbursed,
                        net,
                        paidCurrencies,
                        paidNets,
                        fxRates,
                        fxDays,
                        statuses,
                        reasons,
                        notes)
                .update();
        List<UUID> tdsPartners = new ArrayList<>();
        List<String> tdsCurrencies = new ArrayList<>();
        List<String> tdsYears = new ArrayList<>();
        List<String> tdsBases = new ArrayList<>();
        List<String> tdsAmounts = new ArrayList<>();
        for (NewLine l : lines) {
            for (TaxCalculator.TdsYear y : l.tdsYears()) {
                tdsPartners.add(l.partner().value());
                tdsCurrencies.add(l.gross().currencyCode());
                tdsYears.add(y.fyStart().toString());
                tdsBases.add(y.baseInr().toPlainString());
                tdsAmounts.add(y.tdsInr().toPlainString());
            }
        }
        db.sql("""
                        insert into payouts_line_tds (line_id, workspace_id, partner_id, fy_start, base_inr, tds_inr)
                        select l.id, l.workspace_id, l.partner_id, t.fy::date, t.base::numeric, t.tds::numeric
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(partner, currency, fy, base, tds)
                        join payouts_line l on l.run_id = ? and l.partner_id = t.partner and l.currency = t.currency
                        where l.status = 'PAYABLE'
                        on conflict (line_id, fy_start) do nothing
                        """)
                .params(
                        tdsPartners.toArray(UUID[]::new),
                        tdsCurrencies.toArray(String[]::new),
                        tdsYears.toArray(String[]::new),
                        tdsBases.toArray(String[]::new),
                        tdsAmounts.toArray(String[]::new),
                        run.id())
                .update();
        // The tax identity the lines' tax was worked out with, for the invoices made from them later.
        db.sql("""
                        update payouts_line l set tax_identity = to_jsonb(t) from payouts_tax_profile t
                        where l.workspace_id = ? and l.run_id = ? and t.partner_id = l.partner_id
                        """).params(workspace.value(), run.id()).update();
    }

    public List<PayoutLineView> lines(WorkspaceId workspace, UUID run, Function<PartnerId, String> names) {
        return db.sql(
                        "select * from payouts_line where workspace_id = ? and run_id = ? order by status desc, reference")
                .params(workspace.value(), run)
                .query((rs, n) -> line(rs, names))
                .list();
    }

    /** The partners with a line in the run, to name them in one look-up. */
    public List<PartnerId> partnersIn(WorkspaceId workspace, UUID run) {
        return db.sql("select distinct partner_id from payouts_line where workspace_id = ? and run_id = ?")
                .params(workspace.value(), run)
                .query((rs, n) -> new PartnerId(rs.getObject(1, UUID.class)))
                .list();
    }

    public Optional<PayoutLineView> line(WorkspaceId workspace, UUID id, Function<PartnerId, String> names) {
        return db.sql("select * from payouts_line where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query((rs, n) -> line(rs, names))
                .optional();
    }

    /** A partner's paid lines, newest first: its statements. */
    public List<PayoutLineView> paidLines(WorkspaceId workspace, PartnerId partner, Function<PartnerId, String> names) {
        return db.sql("""
                        select l.* from payouts_line l join payouts_run r on r.id = l.run_id
                        where l.workspace_id = ? and l.partner_id = ? and l.status = 'PAYABLE' and r.status in ('EXPORTED', 'PAID')
                        order by r.created_at desc
                        """)
                .params(workspace.value(), partner.value())
                .query((rs, n) -> line(rs, names))
                .list();
    }

    /**
     * The rupees {@code partner}'s payable lines counted towards the TDS threshold of the financial year from
     * {@code fyStart}, and withheld, leaving out the lines of {@code exceptRun} (a run being continued).
     */
    public TaxCalculator.TdsYear tdsCounted(
            WorkspaceId workspace, PartnerId partner, LocalDate fyStart, UUID exceptRun) {
        return db.sql("""
                        select coalesce(sum(t.base_inr), 0), coalesce(sum(t.tds_inr), 0) from payouts_line_tds t
                        join payouts_line l on l.id = t.line_id
                        where t.workspace_id = ? and t.partner_id = ? and t.fy_start = ? and l.status = 'PAYABLE'
                          and l.run_id is distinct from ?
                        """)
                .params(workspace.value(), partner.value(), Date.valueOf(fyStart), exceptRun)
                .query((rs, n) -> new TaxCalculator.TdsYear(fyStart, rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .single();
    }

    /**
     * Payable lines of the runs marked paid in [from, to), oldest first, at their commissions (gross): a line of
     * reimbursements only pays no commission, so it is left out.
     */
    public List<PaidLine> paidBetween(WorkspaceId workspace, Instant from, Instant to) {
        return db.sql("""
                        select l.partner_id, l.reference, l.currency, l.gross, r.paid_at from payouts_line l
                        join payouts_run r on r.id = l.run_id and r.workspace_id = l.workspace_id
                        where l.workspace_id = ? and l.status = 'PAYABLE' and r.status = 'PAID' and l.gross <> 0
                          and r.paid_at >= ? and r.paid_at < ?
                        order by r.paid_at, l.reference
                        """)
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new PaidLine(
                        new PartnerId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        Money.of(rs.getBigDecimal(4), rs.getString(3)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static PayoutLineView line(ResultSet rs, Function<PartnerId, String> names) throws SQLException {
        String currency = rs.getString("currency");
        PartnerId partner = new PartnerId(rs.getObject("partner_id", UUID.class));
        Array notes = rs.getArray("tax_notes");
        return new PayoutLineView(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getString("reference"),
                partner,
                names.apply(partner),
                rs.getInt("commissions"),
                Money.of(rs.getBigDecimal("gross"), currency),
                Money.of(rs.getBigDecimal("gst"), currency),
                Money.of(rs.getBigDecimal("tds"), currency),
                rs.getInt("reimbursements"),
                Money.of(rs.getBigDecimal("reimbursed"), currency),
                Money.of(rs.getBigDecimal("net"), currency),
                conversion(rs),
                "PAYABLE".equals(rs.getString("status")),
                rs.getString("carried_reason"),
                Arrays.asList((String[]) notes.getArray()));
    }

    private static Conversion conversion(ResultSet rs) throws SQLException {
        String paidIn = rs.getString("paid_currency");
        return paidIn == null
                ? null
                : new Conversion(
                        Money.of(rs.getBigDecimal("paid_net"), paidIn),
                        rs.getBigDecimal("fx_rate").stripTrailingZeros(),
                        rs.getDate("fx_on").toLocalDate());
    }
}
