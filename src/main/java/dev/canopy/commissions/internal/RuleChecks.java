package dev.canopy.commissions.internal;

import dev.canopy.commissions.CapPeriod;
import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionDuration;
import dev.canopy.commissions.CommissionEvent;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.commissions.RuleDraft;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Turns a typed rule into a valid one, or names every field at fault at once. */
public final class RuleChecks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final List<FieldProblem> problems = new ArrayList<>();

    private RuleChecks() {}

    /**
     * {@code tiers} are the programme's tier ids: a condition or override on another tier is refused;
     * {@code currencyScale} is the decimals of the programme's currency, the most a per-click amount has.
     */
    public static CommissionRule check(
            UUID id, ProgramId program, RuleDraft draft, Set<UUID> tiers, int currencyScale) {
        return new RuleChecks().run(id, program, draft, tiers, currencyScale);
    }

    private CommissionRule run(UUID id, ProgramId program, RuleDraft d, Set<UUID> tiers, int currencyScale) {
        String name = blank(d.name()) ? null : d.name().strip();
        if (name == null) {
            problems.add(new FieldProblem("name", "Name the rule, like \"Referral fee\""));
        } else if (name.length() > 120) {
            problems.add(new FieldProblem("name", "Keep the name under 120 characters"));
        }
        CommissionEvent event = choice("event", d.event(), CommissionEvent::valueOf, CommissionEvent.values());
        CommissionBasis basis = choice("basis", d.basis(), CommissionBasis::valueOf, CommissionBasis.values());
        if (event != null && basis != null && !event.bases().contains(basis)) {
            problems.add(new FieldProblem("basis", event.label() + " rules pay " + labels(event)));
        }
        BigDecimal rate = null;
        BigDecimal flat = null;
        if (basis == CommissionBasis.FLAT) {
            flat = money("flatAmount", d.flatAmount(), true, currencyScale);
        } else if (basis != null) {
            rate = percent("rate", d.rate(), true);
        }
        CommissionDuration duration = blank(d.duration())
                ? CommissionDuration.ONCE
                : choice("duration", d.duration(), CommissionDuration::valueOf, CommissionDuration.values());
        Integer months = null;
        if (duration == CommissionDuration.MONTHS) {
            months = whole("durationMonths", d.durationMonths(), 1, 120);
        }
        String product = blank(d.product()) ? null : d.product().strip().toLowerCase(Locale.ROOT);
        String country = null;
        if (!blank(d.country())) {
            country = d.country().strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                problems.add(new FieldProblem("country", "Use a two-letter ISO country code, like IN or US"));
            }
        }
        BigDecimal min = blank(d.minAmount()) ? null : money("minAmount", d.minAmount(), false, currencyScale);
        BigDecimal max = blank(d.maxAmount()) ? null : money("maxAmount", d.maxAmount(), false, currencyScale);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new FieldProblem("maxAmount", "The largest amount must not be below the smallest"));
        }
        UUID tier = blank(d.tierId()) ? null : tier("tierId", d.tierId(), tiers);
        BigDecimal cap = blank(d.capAmount()) ? null : money("capAmount", d.capAmount(), true, currencyScale);
        CapPeriod capPeriod = null;
        if (cap != null) {
            capPeriod = choice("capPeriod", d.capPeriod(), CapPeriod::valueOf, CapPeriod.values());
        } else if (!blank(d.capPeriod())) {
            problems.add(new FieldProblem("capAmount", "Enter the cap for the period, or clear the period"));
        }
        Map<UUID, BigDecimal> overrides = new LinkedHashMap<>();
        if (d.tierRates() != null) {
            for (Map.Entry<String, String> e : d.tierRates().entrySet()) {
                if (blank(e.getValue())) {
                    continue;
                }
                String field = "tierRates[" + e.getKey() + "]";
                UUID overridden = tier(field, e.getKey(), tiers);
                BigDecimal value = basis == CommissionBasis.FLAT
                        ? money(field, e.getValue(), true, currencyScale)
                        : percent(field, e.getValue(), true);
                if (overridden != null && value != null) {
                    overrides.put(overridden, value);
                }
            }
        }
        if (event == CommissionEvent.CLICK || event == CommissionEvent.BOUNTY) {
            refuseConditions(event, d, duration);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CommissionRule(
                id, program, name, event, basis, rate, flat, duration, months, product, country, min, max, tier, cap,
                capPeriod, overrides, true);
    }

    /**
     * A click or a bounty has no customer, product, country, amount or payments to count: a condition on
     * them would never match, so it is refused rather than silently paying nothing. Tier and cap apply.
     */
    private void refuseConditions(CommissionEvent event, RuleDraft d, CommissionDuration duration) {
        String why = event.label() + " rules have no ";
        if (!blank(d.product())) {
            problems.add(new FieldProblem("product", why + "product: leave it blank"));
        }
        if (!blank(d.country())) {
            problems.add(new FieldProblem("country", why + "customer country: leave it blank"));
        }
        if (!blank(d.minAmount())) {
            problems.add(new FieldProblem("minAmount", why + "amount to range over: leave it blank"));
        }
        if (!blank(d.maxAmount())) {
            problems.add(new FieldProblem("maxAmount", why + "amount to range over: leave it blank"));
        }
        if (duration != null && duration != CommissionDuration.ONCE) {
            problems.add(new FieldProblem("duration", why + "customer payments: choose Once"));
        }
    }

    /**
     * An amount of the programme's currency, never finer than its smallest unit: a flat fee, a day's clicks (paid
     * the amount times the clicks, exactly), an amount range or a cap is never rounded behind anyone's back.
     */
    private BigDecimal money(String field, String raw, boolean strictlyPositive, int currencyScale) {
        BigDecimal value = positive(field, raw, strictlyPositive);
        if (value != null && value.stripTrailingZeros().scale() > currencyScale) {
            problems.add(new FieldProblem(
                    field, "Use at most " + currencyScale + " decimals, the currency's smallest unit"));
            return null;
        }
        return value;
    }

    private static String labels(CommissionEvent event) {
        return String.join(
                " or ", event.bases().stream().map(CommissionBasis::label).toList());
    }

    private <E extends Enum<E>> E choice(String field, String raw, Function<String, E> parse, E[] values) {
        if (blank(raw)) {
            problems.add(new FieldProblem(field, "Choose one of " + Arrays.toString(values)));
            return null;
        }
        try {
            return parse.apply(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "Choose one of " + Arrays.toString(values)));
            return null;
        }
    }

    private BigDecimal positive(String field, String raw, boolean strictlyPositive) {
        try {
            BigDecimal value = Money.parseAmount(raw, field);
            if (value.signum() < 0 || (strictlyPositive && value.signum() == 0)) {
                problems.add(new FieldProblem(field, "Enter an amount above zero"));
                return null;
            }
            if (value.scale() > 4) {
                problems.add(new FieldProblem(field, "Use at most four decimals"));
                return null;
            }
            return value;
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private BigDecimal percent(String field, String raw, boolean required) {
        if (blank(raw)) {
            if (required) {
                problems.add(new FieldProblem(field, "Enter a percentage, like 15"));
            }
            return null;
        }
        BigDecimal value = positive(field, raw.strip().replace("%", "").strip(), true);
        if (value != null && value.compareTo(HUNDRED) > 0) {
            problems.add(new FieldProblem(field, "A percentage is at most 100"));
            return null;
        }
        return value;
    }

    private Integer whole(String field, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw == null ? "" : raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "Enter a whole number from " + min + " to " + max));
        return null;
    }

    private UUID tier(String field, String raw, Set<UUID> tiers) {
        try {
            UUID id = UUID.fromString(raw.strip());
            if (tiers.contains(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "Choose one of this programme's tiers"));
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
