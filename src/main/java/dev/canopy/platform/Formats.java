package dev.canopy.platform;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers, money and dates as the reader's language writes them ({@code ${@formats.money(m)}} in a template).
 * Money in the language's home currency carries its symbol (₹12,00,000.00 in en-IN, 1.200,50 € in German);
 * any other currency keeps its ISO code after the amount (1.200,50 USD), so a partner paid in several
 * currencies never confuses them. Times are shown in UTC, as everywhere in Canopy.
 */
@Component("formats")
public class Formats {

    public String money(Money money) {
        Locale locale = formatsLocale();
        ULocale uLocale = ULocale.forLocale(locale);
        int scale = money.amount().scale();
        boolean home =
                locale.getCountry().matches("[A-Z]{2}") && money.currency().equals(Currency.getInstance(locale));
        NumberFormat format = home
                ? NumberFormat.getInstance(uLocale, NumberFormat.CURRENCYSTYLE)
                : NumberFormat.getInstance(uLocale, NumberFormat.NUMBERSTYLE);
        if (home) {
            format.setCurrency(com.ibm.icu.util.Currency.getInstance(money.currencyCode()));
        }
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        String amount = format.format(money.amount());
        return home ? amount : amount + " " + money.currencyCode();
    }

    public String number(long value) {
        return NumberFormat.getInstance(ULocale.forLocale(formatsLocale())).format(value);
    }

    /** A rate or a change as people write it: 12.5 (12,5 in German), up to two decimals, no trailing zeros. */
    public String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getInstance(ULocale.forLocale(formatsLocale()));
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A reward's rate or range of rates: "15", "15–30", "12,5". */
    public String rates(BigDecimal min, BigDecimal max) {
        return min.compareTo(max) == 0 ? decimal(min) : decimal(min) + "–" + decimal(max);
    }

    /** A figure rounded to a whole number, as tier thresholds are shown: 1,25,000 in en-IN. */
    public String whole(BigDecimal value) {
        return number(value.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** "6 Dec 2026", "06.12.2026", "6 déc. 2026". */
    public String date(Object value) {
        return value == null ? "" : format(value, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    /** "6 December 2026", "6. Dezember 2026". */
    public String longDate(Object value) {
        return value == null ? "" : format(value, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG));
    }

    /** "6 Dec 2026, 14:05". */
    public String dateTime(Object value) {
        return value == null
                ? ""
                : format(value, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    private static String format(Object value, DateTimeFormatter style) {
        DateTimeFormatter formatter = style.withLocale(formatsLocale()).withZone(ZoneOffset.UTC);
        return switch (value) {
            case Instant instant -> formatter.format(instant);
            case LocalDate date -> formatter.format(date);
            case java.time.OffsetDateTime time -> formatter.format(time);
            default ->
                throw new IllegalArgumentException(
                        "Not a date: " + value.getClass().getSimpleName());
        };
    }

    private static Locale formatsLocale() {
        return Language.of(LocaleContextHolder.getLocale()).formats();
    }
}
