package dev.canopy.commissions;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Amounts converted into one currency with a workspace's exchange rates, the way commissions lock theirs: the
 * latest rate on or before the day, entered either way round (EUR→USD, or USD→EUR used inverted); on a day with
 * both, the direct one. Each conversion rounds once, half up, at the target currency's decimals.
 */
public final class CurrencyConversion {

    /** {@code from} converted to {@code to} at {@code rate}, as entered (it may be the inverse direction). */
    public record Converted(Money from, Money to, ExchangeRate rate) {}

    private final Currency target;
    private final Map<String, NavigableMap<LocalDate, ExchangeRate>> bySource = new HashMap<>();

    CurrencyConversion(Currency target, List<ExchangeRate> rates) {
        this.target = target;
        String code = target.getCurrencyCode();
        for (ExchangeRate r : rates) {
            boolean direct = r.quote().equals(code);
            if (!direct && !r.base().equals(code)) {
                continue;
            }
            bySource.computeIfAbsent(direct ? r.base() : r.quote(), c -> new TreeMap<>())
                    .merge(r.effectiveOn(), r, (kept, other) -> kept.quote().equals(code) ? kept : other);
        }
    }

    /** The amount in the target currency on {@code day}; empty when no rate is recorded on or before it. */
    public Optional<Converted> convert(Money amount, LocalDate day) {
        if (amount.currency().equals(target)) {
            return Optional.of(new Converted(amount, amount, null));
        }
        return Optional.ofNullable(bySource.get(amount.currencyCode()))
                .map(history -> history.floorEntry(day))
                .map(found -> new Converted(amount, at(amount, found.getValue()), found.getValue()));
    }

    private Money at(Money amount, ExchangeRate rate) {
        if (rate.base().equals(amount.currencyCode())) {
            return new Money(amount.amount().multiply(rate.rate()), target);
        }
        // Divided straight to the target's decimals: no inverse rate rounded on the way.
        int scale = Math.max(target.getDefaultFractionDigits(), 0);
        BigDecimal divided = amount.amount().divide(rate.rate(), scale, Money.ROUNDING);
        return new Money(divided, target);
    }
}
