package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conversion on top of the rate look-up (whose choice of rate the engine's and payouts' tests cover). */
class CurrencyConversionTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private final List<String> lookedUp = new ArrayList<>();

    /** EUR→USD 1.0855 from 1 March 2026; nothing else. */
    private final CurrencyConversion usd = new CurrencyConversion(USD, (from, day) -> {
        lookedUp.add(from.getCurrencyCode() + " " + day);
        return from.getCurrencyCode().equals("EUR") && !day.isBefore(DAY)
                ? Optional.of(new ExchangeRate("EUR", "USD", DAY, new BigDecimal("1.0855"), "test", Instant.EPOCH))
                : Optional.empty();
    });

    @Test
    void anAmountIsConvertedAtTheRateOfItsDayRoundedOnceHalfUp() {
        CurrencyConversion.Converted c =
                usd.convert(Money.of("10.00", "EUR"), DAY.plusDays(3)).orElseThrow();

        // 10.00 × 1.0855 = 10.855: half up to 10.86.
        assertThat(c.to()).isEqualTo(Money.of("10.86", "USD"));
        assertThat(c.rate().effectiveOn()).isEqualTo(DAY);
        assertThat(usd.convert(Money.of("10.00", "EUR"), DAY.minusDays(1))).isEmpty();
        assertThat(usd.convert(Money.of("10.00", "GBP"), DAY)).isEmpty();
    }

    @Test
    void theTargetCurrencyIsKeptAndEachCurrencyAndDayIsLookedUpOnce() {
        Money dollars = Money.of("42.42", "USD");
        assertThat(usd.convert(dollars, DAY).orElseThrow().to()).isEqualTo(dollars);

        for (String amount : List.of("1.00", "2.00", "3.00")) {
            usd.convert(Money.of(amount, "EUR"), DAY);
        }
        usd.convert(Money.of("1.00", "EUR"), DAY.plusDays(1));

        assertThat(lookedUp).containsExactly("EUR 2026-03-01", "EUR 2026-03-02");
    }
}
