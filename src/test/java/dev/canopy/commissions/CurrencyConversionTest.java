package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyConversionTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static ExchangeRate rate(String base, String quote, String on, String rate) {
        return new ExchangeRate(base, quote, LocalDate.parse(on), new BigDecimal(rate), "test", Instant.EPOCH);
    }

    @Test
    void theLatestRateOnOrBeforeTheDayConvertsAndRoundsOnceHalfUp() {
        CurrencyConversion usd = new CurrencyConversion(
                USD, List.of(rate("EUR", "USD", "2026-01-01", "1.1"), rate("EUR", "USD", "2026-03-01", "1.0855")));

        assertThat(usd.convert(Money.of("1000.00", "EUR"), LocalDate.parse("2026-02-28"))
                        .orElseThrow()
                        .to())
                .isEqualTo(Money.of("1100.00", "USD"));
        // 10.00 × 1.0855 = 10.855: half up to 10.86.
        assertThat(usd.convert(Money.of("10.00", "EUR"), LocalDate.parse("2026-03-01"))
                        .orElseThrow()
                        .to())
                .isEqualTo(Money.of("10.86", "USD"));
        assertThat(usd.convert(Money.of("10.00", "EUR"), LocalDate.parse("2025-12-31")))
                .isEmpty();
        assertThat(usd.convert(Money.of("10.00", "GBP"), LocalDate.parse("2026-06-01")))
                .isEmpty();
    }

    @Test
    void aRateEnteredTheOtherWayRoundIsDividedStraightToCents() {
        CurrencyConversion usd = new CurrencyConversion(USD, List.of(rate("USD", "INR", "2026-01-01", "83.3")));

        CurrencyConversion.Converted c = usd.convert(Money.of("100000.00", "INR"), LocalDate.parse("2026-05-05"))
                .orElseThrow();

        // 100000 / 83.3 = 1200.48019…
        assertThat(c.to()).isEqualTo(Money.of("1200.48", "USD"));
        assertThat(c.rate().base()).isEqualTo("USD");
    }

    @Test
    void onADayWithBothDirectionsTheDirectRateWinsAndTheTargetCurrencyIsKept() {
        CurrencyConversion usd = new CurrencyConversion(
                USD,
                List.of(
                        rate("USD", "EUR", "2026-01-01", "0.8"),
                        rate("EUR", "USD", "2026-01-01", "1.2"),
                        rate("EUR", "GBP", "2026-01-01", "0.9")));

        assertThat(usd.convert(Money.of("100", "EUR"), LocalDate.parse("2026-01-01"))
                        .orElseThrow()
                        .to())
                .isEqualTo(Money.of("120.00", "USD"));
        assertThat(usd.convert(Money.of("100", "GBP"), LocalDate.parse("2026-01-01")))
                .as("EUR→GBP is no rate to USD")
                .isEmpty();
        Money dollars = Money.of("42.42", "USD");
        assertThat(usd.convert(dollars, LocalDate.parse("1999-01-01"))
                        .orElseThrow()
                        .to())
                .isEqualTo(dollars);
    }
}
