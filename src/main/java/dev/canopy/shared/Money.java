package dev.canopy.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount in one ISO 4217 currency, always at the currency's own number of decimals (2 for USD
 * and INR, 0 for JPY). Arithmetic across currencies is refused: converting is an explicit step with
 * a stored rate.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * The one rounding rule: half up, at the currency's minor unit — what invoices and statements show,
     * so a commission computed here matches the one a partner computes by hand.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(scaleOf(currency), ROUNDING);
    }

    public static Money of(String amount, String currency) {
        return of(parseAmount(amount, "amount"), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency(currency, "currency"));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The currency for an ISO code, or an error naming {@code field}: "usd" is accepted, "XYZ" and
     * "dollars" are not.
     */
    public static Currency currency(String code, String field) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z]{3}")) {
            throw new InvalidInputException(field, "Use a three-letter ISO 4217 currency code, like USD or INR");
        }
        try {
            Currency currency = Currency.getInstance(normalized);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new InvalidInputException(field, normalized + " is not a currency that can be paid");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, normalized + " is not an ISO 4217 currency code");
        }
    }

    /** A decimal amount as typed or sent ("1200000.00", "-5"), or an error naming {@code field}. */
    public static BigDecimal parseAmount(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "Enter an amount");
        }
        try {
            BigDecimal value = new BigDecimal(raw.strip().replace("_", ""));
            if (value.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                throw new InvalidInputException(field, "The amount is too large");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a number, like 1200.50");
        }
    }

    private static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This amount times a factor (a rate, a fraction), rounded once at the end. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /**
     * This amount in {@code to} at {@code rate} (one unit of this currency is {@code rate} units of {@code to}):
     * the exact product, rounded once, half up, at {@code to}'s minor unit.
     */
    public Money in(Currency to, BigDecimal rate) {
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("An exchange rate is above zero, not " + rate);
        }
        return new Money(amount.multiply(rate), to);
    }

    /** This amount times a percentage: {@code percent(15)} of 1,200,000.00 is 180,000.00. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency + " and " + other.currency + " without an exchange rate");
        }
        return other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** "1200000.00 INR": plain, unambiguous, for logs, CSV and the API. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
