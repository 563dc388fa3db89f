package dev.canopy.commissions;

import dev.canopy.shared.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Amounts converted into one currency the way commissions lock their rates ({@link ExchangeRates#latest}: the
 * latest on or before the day, entered either way round, the direct one on a day with both). Each conversion
 * rounds once, half up, at the target currency's decimals; each currency and day is looked up once.
 */
public final class CurrencyConversion {

    /** {@code from} converted to {@code to} at {@code rate}, whose base is {@code from}'s currency. */
    public record Converted(Money from, Money to, ExchangeRate rate) {}

    private final Currency target;
    private final BiFunction<Currency, LocalDate, Optional<ExchangeRate>> rates;
    private final Map<String, Optional<ExchangeRate>> found = new HashMap<>();

    CurrencyConversion(Currency target, BiFunction<Currency, LocalDate, Optional<ExchangeRate>> rates) {
        this.target = target;
        this.rates = rates;
    }

    /** The amount in the target currency on {@code day}; empty when no rate is recorded on or before it. */
    public Optional<Converted> convert(Money amount, LocalDate day) {
        if (amount.currency().equals(target)) {
            return Optional.of(new Converted(amount, amount, null));
        }
        return found.computeIfAbsent(amount.currencyCode() + day, key -> rates.apply(amount.currency(), day))
                .map(rate -> new Converted(amount, amount.in(target, rate.rate()), rate));
    }
}
