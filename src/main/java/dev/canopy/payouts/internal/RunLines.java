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
 * What each partner's claimed commissions come to in a run, per currency: carried (nothing to pay, clawbacks
 * exceeding earnings, under the programme's minimum, no exchange rate into its payout currency, each with the
 * reason), or payable with its tax (GST added, TDS withheld) and, paid in another currency, its conversion; a
 * line whose tax cannot be worked out yet (no PAN where the workspace holds such payouts, no rate into rupees)
 * is carried too.
 */
@Component
public class RunLines {

    private final ProfileTable profiles;
    private final TaxCalculator taxes;
    private final PayoutCurrencies currencies;

    RunLines(ProfileTable profiles, TaxCalculator taxes, PayoutCurrencies currencies) {
        this.profiles = profiles;
        this.taxes = taxes;
        this.currencies = currencies;
    }

    /**
     * The lines of {@code groups} for {@code run} (null: a preview), taxed as of {@code now}, at the rates of the run
     * approved up to {@code cutoff}.
     */
    public List<RunTable.NewLine> of(
            WorkspaceId workspace, UUID run, List<PayoutClaims.Group> groups, Instant now, Instant cutoff) {
        List<PartnerId> partners =
                groups.stream().map(PayoutClaims.Group::partner).distinct().toList();
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
        List<RunTable.NewLine> lines = new ArrayList<>();
        for (PayoutClaims.Group g : groups) {
            Currency earned = g.total().currency();
            Currency to = paidIn.paidIn(g.partner(), earned);
            Optional<ExchangeRate> rate = to.equals(earned) ? Optional.empty() : paidIn.rate(earned, to);
            if (g.total().amount().signum() <= 0) {
                lines.add(carried(
                        g,
                        g.total().isZero()
                                ? "Nothing to pay"
                                : "Clawbacks exceed earnings: carried as a balance the partner owes"));
            } else if (g.total().compareTo(g.minimum()) < 0) {
                lines.add(carried(g, "Under the programme's payout minimum of " + g.minimum()));
            } else if (!to.equals(earned) && rate.isEmpty()) {
                lines.add(carried(g, paidIn.noRate(earned, to)));
            } else {
                TaxCalculator.Tax tax = taxed.on(
                        g.partner(),
                        new TaxCalculator.Payee(profiles.tax(workspace, g.partner()), payoutCountries.get(g.partner())),
                        g.total(),
                        g.credits());
                if (tax.held()) {
                    lines.add(carried(g, tax.heldBecause()));
                    continue;
                }
                Money net = g.total().plus(tax.gst()).minus(tax.tds());
                lines.add(new RunTable.NewLine(
                        g.partner(),
                        g.commissions(),
                        g.total(),
                        tax.gst(),
                        tax.tds(),
                        net,
                        rate.map(r -> Conversion.of(net, r)).orElse(null),
                        true,
                        null,
                        tax.notes(),
                        tax.years()));
            }
        }
        return lines;
    }

    private static RunTable.NewLine carried(PayoutClaims.Group g, String reason) {
        Money zero = Money.zero(g.total().currency());
        return new RunTable.NewLine(
                g.partner(),
                g.commissions(),
                g.total(),
                zero,
                zero,
                g.total(),
                null,
                false,
                reason,
                List.of(),
                List.of());
    }
}
