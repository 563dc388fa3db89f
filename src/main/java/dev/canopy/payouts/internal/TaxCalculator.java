package dev.canopy.payouts.internal;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.commissions.PayoutClaims.Credit;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutSettings;
import dev.canopy.payouts.TaxProfile;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tax on one partner's payout line, from where the vendor and the partner are tax resident — not the
 * currency paid. An Indian vendor paying an Indian partner: GST added at the GST rule's rate when the partner
 * has a GSTIN; TDS under s.194H once the partner's commissions credited in an Indian financial year (April to
 * March, the year of approval: credit comes before payment) pass the threshold in rupees — cumulative, so the
 * line that crosses it withholds on the year's earlier lines too — at 20 % without a PAN (s.206AA), or the line
 * is held if the workspace chose so. TDS is on the commission without GST, as the CBDT allows when GST is shown
 * separately. Any other pair of countries: paid gross, and the line says that no rule is known.
 */
@Component
public class TaxCalculator {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final Currency INR = Currency.getInstance("INR");
    private static final BigDecimal WITHOUT_PAN = new BigDecimal("20");

    /** A line's tax: GST added, TDS withheld, why, the rupees counted per financial year; or why it is held. */
    public record Tax(Money gst, Money tds, List<String> notes, List<TdsYear> years, String heldBecause) {

        static Tax gross(Currency currency, String note) {
            return new Tax(Money.zero(currency), Money.zero(currency), List.of(note), List.of(), null);
        }

        /** No income to tax: commissions netted to nothing or less by clawbacks. */
        static Tax none(Currency currency) {
            return new Tax(Money.zero(currency), Money.zero(currency), List.of(), List.of(), null);
        }

        static Tax held(Currency currency, String reason) {
            return new Tax(Money.zero(currency), Money.zero(currency), List.of(), List.of(), reason);
        }

        public boolean held() {
            return heldBecause != null;
        }
    }

    /** What a line counted towards the TDS threshold of the financial year from {@code fyStart}, and withheld. */
    public record TdsYear(LocalDate fyStart, BigDecimal baseInr, BigDecimal tdsInr) {

        static TdsYear none(LocalDate fyStart) {
            return new TdsYear(fyStart, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        TdsYear plus(TdsYear other) {
            return new TdsYear(fyStart, baseInr.add(other.baseInr), tdsInr.add(other.tdsInr));
        }
    }

    /** A partner's financial year: what one run's lines add up in. */
    private record PartnerYear(PartnerId partner, LocalDate fyStart) {}

    /** Who is paid: its tax details, if given, and the country of its payout details, if any. */
    public record Payee(Optional<TaxProfile> profile, String payoutCountry) {

        Optional<String> country() {
            return profile.map(TaxProfile::country).or(() -> Optional.ofNullable(payoutCountry));
        }
    }

    /** The run's exchange rates, for thresholds in rupees. */
    public interface Rates {

        Optional<ExchangeRate> rate(Currency from, Currency to);

        String noRate(Currency from, Currency to);
    }

    private final TaxRuleTable rules;
    private final PayoutLineTable lines;
    private final PayoutSettingsTable settings;

    TaxCalculator(TaxRuleTable rules, PayoutLineTable lines, PayoutSettingsTable settings) {
        this.rules = rules;
        this.lines = lines;
        this.settings = settings;
    }

    /** The taxes of one run's lines (of {@code run}, or null for a preview), as of {@code now}. */
    public Run run(WorkspaceId workspace, UUID run, Instant now, Rates rates) {
        return new Run(workspace, run, now, rates, settings.get(workspace));
    }

    /** One run: lines of one partner in two currencies count towards the same year. */
    public final class Run {

        private final WorkspaceId workspace;
        private final UUID run;
        private final Instant now;
        private final Rates rates;
        private final PayoutSettings vendor;
        private final Map<PartnerYear, TdsYear> counted = new HashMap<>();

        private Run(WorkspaceId workspace, UUID run, Instant now, Rates rates, PayoutSettings vendor) {
            this.workspace = workspace;
            this.run = run;
            this.now = now;
            this.rates = rates;
            this.vendor = vendor;
        }

        /** The tax on {@code gross}, above zero, made of {@code credits}. */
        public Tax on(PartnerId partner, Payee payee, Money gross, List<Credit> credits) {
            Currency currency = gross.currency();
            Optional<String> resident = payee.country();
            if (resident.isEmpty()) {
                return Tax.gross(
                        currency,
                        "Tax residence unknown (no tax details, no payout country): no withholding, paid gross");
            }
            String payer = vendor.taxCountry();
            if (payer == null) {
                return Tax.gross(
                        currency,
                        "Your tax residence is not set (Payout settings): withholding for a partner in "
                                + resident.get() + " is not worked out, paid gross");
            }
            if (payer.equals("IN") && resident.get().equals("IN")) {
                return india(partner, payee.profile(), gross, credits);
            }
            if (payer.equals("US") && resident.get().equals("US")) {
                boolean w9 = payee.profile().map(p -> "W9".equals(p.usForm())).orElse(false);
                return Tax.gross(
                        currency,
                        w9
                                ? "US partner with a W-9: no withholding; reported on Form 1099-NEC past the threshold"
                                : "US partner without a W-9 on file: backup withholding is not worked out, paid gross");
            }
            return Tax.gross(
                    currency,
                    "No withholding rule known for a payer in " + payer + " and a partner in " + resident.get()
                            + ": paid gross");
        }

        private Tax india(PartnerId partner, Optional<TaxProfile> profile, Money gross, List<Credit> credits) {
            Currency currency = gross.currency();
            Optional<ExchangeRate> toInr = Optional.empty();
            if (!currency.equals(INR)) {
                toInr = rates.rate(currency, INR);
                if (toInr.isEmpty()) {
                    return Tax.held(currency, rates.noRate(currency, INR) + " (TDS thresholds are in rupees)");
                }
            }
            List<String> notes = new ArrayList<>();
            Money gst = Money.zero(currency);
            if (profile.isPresent() && profile.get().gstRegistered()) {
                var rule = rules.inForce("IN", "GST", LocalDate.ofInstant(now, INDIA));
                if (rule.isPresent()) {
                    gst = gross.percent(rule.get().rate());
                    notes.add("GST " + plain(rule.get().rate()) + " % added (GSTIN "
                            + profile.get().gstin() + ")");
                }
            }
            String pan = profile.map(TaxProfile::pan).orElse(null);
            Map<LocalDate, List<Credit>> byYear = new TreeMap<>();
            for (Credit c : credits) {
                byYear.computeIfAbsent(fyStart(LocalDate.ofInstant(c.approvedAt(), INDIA)), y -> new ArrayList<>())
                        .add(c);
            }
            List<TdsYear> years = new ArrayList<>();
            Money tdsInr = Money.zero(INR);
            for (var year : byYear.entrySet()) {
                LocalDate fy = year.getKey();
                Money base = year.getValue().stream().map(Credit::amount).reduce(Money.zero(currency), Money::plus);
                Money baseInr = toInr.map(r -> base.in(INR, r.rate())).orElse(base);
                LocalDate lastCredit =
                        LocalDate.ofInstant(year.getValue().getLast().approvedAt(), INDIA);
                var rule = rules.inForce("IN", "TDS_194H", lastCredit);
                if (rule.isEmpty()) {
                    notes.add("No TDS rule in force on " + lastCredit);
                    years.add(new TdsYear(fy, baseInr.amount(), BigDecimal.ZERO));
                    continue;
                }
                TdsYear prior = prior(partner, fy);
                Money yearBase = baseInr.plus(Money.of(prior.baseInr(), "INR"));
                BigDecimal threshold = rule.get().threshold();
                Money tds = Money.zero(INR);
                if (yearBase.amount().compareTo(threshold) > 0) {
                    BigDecimal rate =
                            pan != null ? rule.get().rate() : rule.get().rate().max(WITHOUT_PAN);
                    if (pan == null && vendor.holdWithoutPan()) {
                        return Tax.held(
                                currency,
                                "Held until the partner gives its PAN: its commissions credited in " + label(fy)
                                        + " pass the " + plain(threshold) + " INR TDS threshold, and without a PAN"
                                        + " TDS is " + plain(rate) + " % (s.206AA)");
                    }
                    tds = yearBase.percent(rate).minus(Money.of(prior.tdsInr(), "INR"));
                    if (tds.isNegative()) {
                        tds = Money.zero(INR);
                    }
                    notes.add((pan != null
                                    ? "TDS u/s 194H at " + plain(rate) + " %"
                                    : "TDS at " + plain(rate) + " % (s.206AA: no PAN given)")
                            + " on " + yearBase + " commissions credited in " + label(fy) + " (threshold "
                            + plain(threshold) + " INR)");
                } else {
                    notes.add("No TDS: " + yearBase + " credited in " + label(fy) + " is within the " + plain(threshold)
                            + " INR threshold");
                }
                years.add(new TdsYear(fy, baseInr.amount(), tds.amount()));
                tdsInr = tdsInr.plus(tds);
            }
            Money tds = tdsInr;
            if (toInr.isPresent()) {
                ExchangeRate r = toInr.get();
                tds = new Money(
                        tdsInr.amount()
                                .divide(
                                        r.rate(),
                                        Math.max(currency.getDefaultFractionDigits(), 0),
                                        RoundingMode.HALF_UP),
                        currency);
                notes.add("Rupee amounts at " + plain(r.rate()) + " INR per " + currency + " (rate of "
                        + r.effectiveOn() + ")");
            }
            for (TdsYear y : years) {
                counted.merge(new PartnerYear(partner, y.fyStart()), y, TdsYear::plus);
            }
            return new Tax(gst, tds, notes, years, null);
        }

        /** What earlier runs' payable lines, and this run's lines so far, counted in the year from {@code fy}. */
        private TdsYear prior(PartnerId partner, LocalDate fy) {
            return lines.tdsCounted(workspace, partner, fy, run)
                    .plus(counted.getOrDefault(new PartnerYear(partner, fy), TdsYear.none(fy)));
        }
    }

    /** The first day of the Indian financial year {@code day} is in. */
    static LocalDate fyStart(LocalDate day) {
        return LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
    }

    /** "FY 2026-27". */
    private static String label(LocalDate fyStart) {
        return "FY " + fyStart.getYear() + "-" + String.format("%02d", (fyStart.getYear() + 1) % 100);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
