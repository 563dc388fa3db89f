package dev.canopy.payouts.internal;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.commissions.PayoutClaims;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.Conversion;
import dev.canopy.payouts.PayoutProfile;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What each partner's claimed commissions and reimbursements come to in a run, per currency: carried (nothing to
 * pay, clawbacks exceeding earnings and reimbursements, under the programme's minimum, no exchange rate into its
 * payout currency, each with the reason), or payable with its tax (GST added, TDS withheld) and, paid in another
 * currency, its conversion; a line whose tax cannot be worked out yet (no PAN where the workspace holds such payouts,
 * no rate into rupees) is carried too.
 */
@Component
public class RunLines {

    /** Why a reimbursement is paid as claimed. */
    private static final String REIMBURSEMENTS_UNTAXED =
            "Reimbursements (MDF) repay documented expenses, not commission: no GST, no withholding, not on Form 1099";

    private final ProfileTable profiles;
    private final TaxCalculator taxes;
    private final PayoutCurrencies currencies;

    RunLines(ProfileTable profiles, TaxCalculator taxes, PayoutCurrencies currencies) {
        this.profiles = profiles;
        this.taxes = taxes;
        this.currencies = currencies;
    }

    /**
     * The lines of {@code due} for {@code run} (null: a preview), taxed as of {@code now}, at the rates of the run
     * approved up to {@code cutoff}. Tax is on the commissions alone; reimbursements are added to the net untaxed,
     * but count with the commissions towards the minimum and against a clawback balance.
     */
    public List<PayoutLineTable.NewLine> of(
            WorkspaceId workspace, UUID run, List<RunClaims.Due> due, Instant now, Instant cutoff) {
        List<PartnerId> partners =
                due.stream().map(RunClaims.Due::partner).distinct().toList();
        PayoutCurrencies.Run paidIn = currencies.of(workspace, partners, cutoff);
        Map<PartnerId, String> payoutCountries = new HashMap<>();
        for (PayoutProfile p : profiles.payouts(workspace, partners)) {
            String country = p.country() != null
                    ? p.country()
                    : p.iban() != null ? p.iban().substring(0, 2) : null;
            if (country != null) {
                payoutCountries.put(p.partner(), country);
            }
        }
        TaxCalculator.Run taxed = taxes.run(workspace, run, now, paidIn);
        List<PayoutLineTable.NewLine> lines = new ArrayList<>();
        for (RunClaims.Due d : due) {
            PayoutClaims.Group g = d.commissions();
            Currency earned = g.total().currency();
            Currency to = paidIn.paidIn(g.partner(), earned);
            Optional<ExchangeRate> rate = to.equals(earned) ? Optional.empty() : paidIn.rate(earned, to);
            if (d.total().amount().signum() <= 0) {
                lines.add(carried(d, d.total().isZero() ? "Nothing to pay" : owedBack(d)));
            } else if (d.total().compareTo(g.minimum()) < 0) {
                lines.add(carried(d, "Under the programme's payout minimum of " + g.minimum()));
            } else if (!to.equals(earned) && rate.isEmpty()) {
                lines.add(carried(d, paidIn.noRate(earned, to)));
            } else {
                // Commissions netted to nothing or less by clawbacks leave no income to tax.
                TaxCalculator.Tax tax = g.total().amount().signum() > 0
                        ? taxed.on(
                                g.partner(),
                                new TaxCalculator.Payee(
                                        profiles.tax(workspace, g.partner()), payoutCountries.get(g.partner())),
                                g.total(),
                                g.credits())
                        : TaxCalculator.Tax.none(earned);
                if (tax.held()) {
                    lines.add(carried(d, tax.heldBecause()));
                    continue;
                }
                Money net = g.total().plus(tax.gst()).minus(tax.tds()).plus(d.reimbursed());
                lines.add(new PayoutLineTable.NewLine(
                        g.partner(),
                        g.commissions(),
                        g.total(),
                        tax.gst(),
                        tax.tds(),
                        d.reimbursements(),
                        d.reimbursed(),
                        net,
                        rate.map(r -> Conversion.of(net, r)).orElse(null),
                        true,
                        null,
                        notes(tax.notes(), d),
                        tax.years()));
            }
        }
        return lines;
    }

    /** A negative balance: clawbacks the partner owes back, more than its earnings and any reimbursement. */
    private static String owedBack(RunClaims.Due d) {
        return d.reimbursements() == 0
                ? "Clawbacks exceed earnings: carried as a balance the partner owes"
                : "Clawbacks exceed earnings and reimbursements: carried as a balance the partner owes";
    }

    private static List<String> notes(List<String> taxNotes, RunClaims.Due d) {
        if (d.reimbursements() == 0) {
            return taxNotes;
        }
        List<String> notes = new ArrayList<>(taxNotes);
        notes.add(REIMBURSEMENTS_UNTAXED);
        return notes;
    }

    private static PayoutLineTable.NewLine carried(RunClaims.Due d, String reason) {
        Money zero = Money.zero(d.total().currency());
        return new PayoutLineTable.NewLine(
                d.partner(),
                d.commissions().commissions(),
                d.commissions().total(),
                zero,
                zero,
                d.reimbursements(),
                d.reimbursed(),
                d.total(),
                null,
                false,
                reason,
                List.of(),
                List.of());
    }
}
