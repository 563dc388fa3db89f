package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsFollowTheReadersLanguage {

    private final Formats formats = new Formats();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void indianRupeesAreGroupedInLakhsAndCroresWithTheRupeeSign() {
        read("en-IN");
        assertThat(formats.money(Money.of("1200000", "INR"))).isEqualTo("₹12,00,000.00");
        assertThat(formats.money(Money.of("123456789.5", "INR"))).isEqualTo("₹12,34,56,789.50");
        // Another currency keeps its code, with India's grouping.
        assertThat(formats.money(Money.of("1200000", "USD"))).isEqualTo("12,00,000.00 USD");
        assertThat(formats.number(1_234_567)).isEqualTo("12,34,567");
    }

    @Test
    void englishKeepsCodesAfterTheAmountAndEachCurrencysDecimals() {
        read("en");
        assertThat(formats.money(Money.of("1200.5", "USD"))).isEqualTo("1,200.50 USD");
        assertThat(formats.money(Money.of("1500", "JPY"))).isEqualTo("1,500 JPY");
        assertThat(formats.money(Money.of("-3.5", "EUR"))).isEqualTo("-3.50 EUR");
        assertThat(formats.money(Money.of("1200000", "INR"))).isEqualTo("1,200,000.00 INR");
        assertThat(formats.date(LocalDate.of(2026, 12, 6))).isEqualTo("6 Dec 2026");
        assertThat(formats.longDate(LocalDate.of(2027, 1, 15))).isEqualTo("15 January 2027");
    }

    @Test
    void germanAndFrenchWriteTheirOwnMarksAndShowTheEuroSign() {
        read("de");
        assertThat(formats.money(Money.of("1200.5", "EUR"))).isEqualTo("1.200,50\u00a0€");
        assertThat(formats.money(Money.of("1200.5", "USD"))).isEqualTo("1.200,50 USD");
        assertThat(formats.date(LocalDate.of(2026, 12, 6))).isEqualTo("06.12.2026");
        assertThat(formats.rates(new java.math.BigDecimal("12.50"), new java.math.BigDecimal("30")))
                .isEqualTo("12,5–30");
        read("fr");
        assertThat(formats.money(Money.of("1200.5", "EUR"))).isEqualTo("1\u202f200,50\u00a0€");
        assertThat(formats.longDate(LocalDate.of(2027, 1, 15))).isEqualTo("15 janvier 2027");
    }

    @Test
    void instantsAreShownInUtc() {
        read("en");
        assertThat(formats.date(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("31 Dec 2026");
        assertThat(formats.dateTime(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("31 Dec 2026, 11:30\u202fpm");
    }

    @Test
    void aLanguageCanopyDoesNotShipReadsEnglish() {
        read("ja-JP");
        assertThat(formats.money(Money.of("1200.5", "USD"))).isEqualTo("1,200.50 USD");
        assertThat(Language.of(Locale.forLanguageTag("de-AT")).tag()).isEqualTo("de");
        assertThat(Language.of(Locale.forLanguageTag("en-US")).tag()).isEqualTo("en");
    }

    private static void read(String tag) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(tag));
    }
}
