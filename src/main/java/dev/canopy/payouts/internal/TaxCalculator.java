package dev.canopy.payouts.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.TaxProfile;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tax on one partner's payout, from its tax profile and the rules in force that day. India, for INR
 * payouts: GST added at the GST rule's rate when the partner has a GSTIN; TDS under s.194H withheld once
 * the partner's commissions in the financial year (April to March, Indian time) pass the threshold —
 * cumulative, so the payout that crosses it withholds on the year's earlier payouts too. TDS is on the
 * commission without GST, as the CBDT allows when GST is shown separately.
 */
@Component
public class TaxCalculator {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    public record Tax(Money gst, Money tds, List<String> notes) {}

    private final TaxRuleTable rules;
    private final RunTable runs;

    TaxCalculator(TaxRuleTable rules, RunTable runs) {
        this.rules = rules;
        this.runs = runs;
    }

    public Tax on(WorkspaceId workspace, PartnerId partner, Optional<TaxProfile> profile, Money gross, Instant at) {
        Money zero = Money.zero(gross.currency());
        if (profile.isEmpty() || gross.amount().signum() <= 0) {
            return new Tax(zero, zero, List.of());
        }
        TaxProfile tax = profile.get();
        List<String> notes = new ArrayList<>();
        Money gst = zero;
        Money tds = zero;
        LocalDate today = LocalDate.ofInstant(at, INDIA);
        if ("IN".equals(tax.country()) && "INR".equals(gross.currencyCode())) {
            if (tax.gstRegistered()) {
                var rule = rules.inForce("IN", "GST", today);
                if (rule.isPresent()) {
                    gst = gross.percent(rule.get().rate());
                    notes.add("GST " + plain(rule.get().rate()) + " % added (GSTIN " + tax.gstin() + ")");
                }
            }
            var rule = rules.inForce("IN", "TDS_194H", today);
            if (rule.isPresent()) {
                LocalDate start = today.getMonthValue() >= 4
                        ? LocalDate.of(today.getYear(), 4, 1)
                        : LocalDate.of(today.getYear() - 1, 4, 1);
                BigDecimal[] before = runs.grossAndTds(
                        workspace,
                        partner,
                        "INR",
                        start.atStartOfDay(INDIA).toInstant(),
                        start.plusYears(1).atStartOfDay(INDIA).toInstant());
                Money yearGross = gross.plus(Money.of(before[0], "INR"));
                if (yearGross.amount().compareTo(rule.get().threshold()) > 0) {
                    tds = yearGross.percent(rule.get().rate()).minus(Money.of(before[1], "INR"));
                    if (tds.isNegative()) {
                        tds = zero;
                    }
                    notes.add("TDS u/s 194H at " + plain(rule.get().rate()) + " % on " + yearGross
                            + " commissions in FY " + start.getYear() + "-" + (start.getYear() + 1) % 100
                            + " (threshold " + plain(rule.get().threshold()) + " INR)");
                } else {
                    notes.add("No TDS: " + yearGross + " in FY " + start.getYear() + "-" + (start.getYear() + 1) % 100
                            + " is within the " + plain(rule.get().threshold()) + " INR threshold");
                }
            }
        }
        return new Tax(gst, tds, notes);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
