package dev.canopy.payouts;

import dev.canopy.commissions.CurrencyConversion;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.internal.PayoutLineTable;
import dev.canopy.payouts.internal.ProfileTable;
import dev.canopy.payouts.internal.RunTable;
import dev.canopy.payouts.internal.TaxRuleTable;
import dev.canopy.payouts.internal.TaxRuleTable.TaxRule;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The US 1099 report of a calendar year: every partner paid at least the 1099-NEC threshold, with the form it has on
 * file and what to do.
 *
 * <ul>
 *   <li><b>Payments</b> are the payable lines of runs marked paid, counted in the year of the day they were marked
 *       paid in the workspace's time zone (1099-NEC goes by the day of payment; a run exported but not marked paid has
 *       not been paid yet). The amount is the line's gross: the commissions paid, before any tax withheld; GST added
 *       is not compensation.
 *   <li><b>The threshold</b> is the {@code US_1099} tax rule in force on 31 December of the year (the total that
 *       decides is the year's, known at its end): $600 to 2025, $2,000 from 2026. A partner is in the report when its
 *       total reaches it: "$600 or more", "$2,000 or more".
 *   <li><b>Other currencies</b> are converted into the threshold's currency with the workspace's exchange rates (the
 *       latest on or before the payment's day, either way round). A payment with no rate is listed as not converted,
 *       never dropped; a partner under the threshold without it is in the report as "exchange rate missing".
 *   <li><b>A US partner</b> is one whose tax details give the US as its country, or, with no tax details, whose payout
 *       details do (the bank's country): Canopy records no other address. The form on file decides before the
 *       country: a W-9 certifies a US person, a W-8 a foreign one.
 * </ul>
 */
@Service
public class Form1099Report {

    private static final String COUNTRY = "US";
    private static final String KIND = "US_1099";

    private final RunTable runs;
    private final PayoutLineTable lines;
    private final ProfileTable profiles;
    private final TaxRuleTable taxRules;
    private final ExchangeRates exchangeRates;
    private final Partners partners;
    private final Workspaces workspaces;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    Form1099Report(
            RunTable runs,
            PayoutLineTable lines,
            ProfileTable profiles,
            TaxRuleTable taxRules,
            ExchangeRates exchangeRates,
            Partners partners,
            Workspaces workspaces,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.runs = runs;
        this.lines = lines;
        this.profiles = profiles;
        this.taxRules = taxRules;
        this.exchangeRates = exchangeRates;
        this.partners = partners;
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /** The years to choose from, newest first: this year, last year and every year a run was paid in. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        ZoneId zone = zone();
        int current = LocalDate.now(clock.withZone(zone)).getYear();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(current);
        years.add(current - 1);
        years.addAll(runs.paidYears(currentWorkspace.id(), zone));
        return List.copyOf(years);
    }

    /** The report of {@code year} ("2026"), or of this year when blank; a year that is not one names the field. */
    @Transactional(readOnly = true)
    public Form1099Year report(String year) {
        ZoneId zone = zone();
        int chosen = year(year, zone);
        LocalDate first = LocalDate.of(chosen, 1, 1);
        LocalDate last = first.plusYears(1).minusDays(1);
        TaxRule rule = taxRules.inForce(COUNTRY, KIND, last)
                .orElseThrow(() -> new InvalidInputException(
                        "year", "No 1099 threshold is recorded for " + chosen + ": choose a later year"));
        Money threshold = Money.of(rule.threshold(), rule.currency());
        CurrencyConversion conversion = exchangeRates.into(threshold.currency());
        WorkspaceId workspace = currentWorkspace.id();
        Map<PartnerId, List<Form1099Payment>> paid = new LinkedHashMap<>();
        for (PayoutLineTable.PaidLine line : lines.paidBetween(
                workspace,
                first.atStartOfDay(zone).toInstant(),
                first.plusYears(1).atStartOfDay(zone).toInstant())) {
            LocalDate day = LocalDate.ofInstant(line.paidAt(), zone);
            Optional<CurrencyConversion.Converted> converted = conversion.convert(line.gross(), day);
            paid.computeIfAbsent(line.partner(), p -> new ArrayList<>())
                    .add(new Form1099Payment(
                            line.reference(),
                            day,
                            line.gross(),
                            converted.map(CurrencyConversion.Converted::to).orElse(null),
                            converted.map(CurrencyConversion.Converted::rate).orElse(null)));
        }
        return new Form1099Year(
                chosen, zone.getId(), threshold, rule.effectiveFrom(), rule.note(), rows(workspace, paid, threshold));
    }

    private List<Form1099Row> rows(WorkspaceId workspace, Map<PartnerId, List<Form1099Payment>> paid, Money threshold) {
        List<PartnerId> payees = List.copyOf(paid.keySet());
        Map<PartnerId, TaxProfile> taxes = new HashMap<>();
        profiles.taxes(workspace, payees).forEach(t -> taxes.put(t.partner(), t));
        Map<PartnerId, String> payoutCountries = new HashMap<>();
        profiles.payouts(workspace, payees).stream()
                .filter(p -> p.country() != null)
                .forEach(p -> payoutCountries.put(p.partner(), p.country()));
        Map<PartnerId, String> names = new HashMap<>();
        partners.byIds(payees).forEach(p -> names.put(p.id(), p.name()));
        List<Form1099Row> rows = new ArrayList<>();
        for (PartnerId partner : payees) {
            TaxProfile tax = taxes.get(partner);
            UsTaxForm form = UsTaxForm.of(tax);
            String country = tax != null ? tax.country() : payoutCountries.get(partner);
            List<Form1099Payment> payments = paid.get(partner);
            Money total = payments.stream()
                    .filter(Form1099Payment::isConverted)
                    .map(Form1099Payment::converted)
                    .reduce(Money.zero(threshold.currency()), Money::plus);
            Form1099Flag.of(
                            form,
                            country,
                            total.compareTo(threshold) >= 0,
                            payments.stream().allMatch(Form1099Payment::isConverted))
                    .ifPresent(flag -> rows.add(new Form1099Row(
                            partner,
                            names.getOrDefault(partner, partner.toString()),
                            tax == null ? null : tax.legalName(),
                            tax == null ? null : tax.taxId(),
                            tax == null ? null : tax.address(),
                            country,
                            form,
                            total,
                            List.copyOf(payments),
                            flag)));
        }
        rows.sort(Comparator.comparing(Form1099Row::flag)
                .thenComparing(Form1099Row::partnerName, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    private int year(String raw, ZoneId zone) {
        int current = LocalDate.now(clock.withZone(zone)).getYear();
        if (raw == null || raw.isBlank()) {
            return current;
        }
        if (!raw.strip().matches("\\d{4}")) {
            throw new InvalidInputException("year", "Enter a year as four digits, like " + current);
        }
        int year = Integer.parseInt(raw.strip());
        if (year > current) {
            throw new InvalidInputException(
                    "year", year + " has not begun yet in " + zone.getId() + ": choose " + current + " or earlier");
        }
        return year;
    }

    private ZoneId zone() {
        return ZoneId.of(workspaces.current().timezone());
    }
}
