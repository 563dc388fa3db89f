package dev.canopy.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    // Compiled once: every amount read back from the database names its currency (10,000s per dashboard).
    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

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
     * Codes the JDK knows that no one pays in: withdrawn currencies (the Deutsche Mark, the Croatian kuna, the
     * Bulgarian lev since the euro in 2026, …), funds and units of account (BOV, CLF, XDR, XSU, …), metals and the
     * codes for testing and for "no currency" (XTS, XXX).
     */
    private static final Set<String> NOT_IN_CIRCULATION = Set.of(
            "ADP", "AFA", "ANG", "ATS", "AYM", "AZM", "BEF", "BGL", "BGN", "BOV", "BYB", "BYR", "CHE", "CHW", "CLF",
            "COU", "CSD", "CUC", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL",
            "LTL", "LUF", "LVL", "MGF", "MRO", "MTL", "MXV", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK",
            "SLL", "SRG", "STD", "TMM", "TPE", "TRL", "USN", "USS", "UYI", "VEB", "VEF", "XAD", "XAG", "XAU", "XBA",
            "XBB", "XBC", "XBD", "XDR", "XFO", "XFU", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX", "YUM", "ZMK", "ZWD",
            "ZWL", "ZWN", "ZWR");

    /**
     * The currency for an ISO 4217 code in circulation, or an error naming {@code field}: "usd" is accepted;
     * "XYZ", "dollars", "DEM" and "XTS" are not.
     */
    public static Currency currency(String code, String field) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!THREE_LETTERS.matcher(normalized).matches()) {
            throw new InvalidInputException(field, "Use a three-letter ISO 4217 currency code, like USD or INR");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(normalized);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, normalized + " is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0 || NOT_IN_CIRCULATION.contains(normalized)) {
            throw new InvalidInputException(field, normalized + " is not a currency in circulation that can be paid");
        }
        return currency;
    }

    /**
     * A decimal amount as typed or sent ("1200000.00", "-5"), written out (no exponent, no NaN), below 10^15, or an
     * error naming {@code field}.
     */
    public static BigDecimal parseAmount(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "Enter an amount");
        }
        String plain = raw.strip().replace("_", "");
        if (!PLAIN_DECIMAL.matcher(plain).matches()) {
            throw new InvalidInputException(
                    field,
                    plain.matches("[-+0-9.]+[eE][-+]?[0-9]+")
                            ? "Write the amount out in full, like 0.0001, not with an exponent"
                            : "Enter a number, like 1200.50");
        }
        if (plain.replaceFirst("^[-+]?0*", "").replaceFirst("\\..*", "").length() > 15) {
            throw new InvalidInputException(field, "The amount is too large");
        }
        return new BigDecimal(plain);
    }

    /** An amount of {@code currency} as typed or sent, never finer than its minor unit: 10.001 USD is refused. */
    public static Money parse(String raw, Currency currency, String field) {
        BigDecimal amount = parseAmount(raw, field);
        int digits = scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidInputException(
                    field,
                    currency.getCurrencyCode() + " has " + (digits == 0 ? "no" : digits) + " decimal"
                            + (digits == 1 ? "" : "s") + ": " + amount.toPlainString() + " cannot be paid exactly");
        }
        return new Money(amount, currency);
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
