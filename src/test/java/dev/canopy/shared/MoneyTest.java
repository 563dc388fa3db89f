package dev.canopy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void fifteenPercentOfAFirstYearContractOfTwelveLakhRupeesIsOneLakhEightyThousand() {
        Money contract = Money.of("1200000", "INR");

        assertThat(contract.percent(new BigDecimal("15"))).isEqualTo(Money.of("180000.00", "INR"));
    }

    @Test
    void amountsTakeTheDecimalsOfTheirCurrencyRoundingHalfUp() {
        assertThat(Money.of("10.005", "USD").amount()).isEqualByComparingTo("10.01");
        assertThat(Money.of("10.004", "USD").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("1500.5", "JPY").amount()).isEqualByComparingTo("1501");
        assertThat(Money.of("-0.005", "EUR").amount()).isEqualByComparingTo("-0.01");
    }

    @Test
    void currenciesAreNeverMixedSilently() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exchange rate");
    }

    @Test
    void unknownCurrenciesAndNonNumbersNameTheirField() {
        assertThatThrownBy(() -> Money.currency("XYZ", "currency"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting("field").containsExactly("currency"));
        assertThatThrownBy(() -> Money.currency("dollars", "payoutCurrency"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting("field").containsExactly("payoutCurrency"));
        assertThatThrownBy(() -> Money.parseAmount("12,50", "amount")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Money.parseAmount("1e20", "amount")).isInstanceOf(InvalidInputException.class);
        assertThat(Money.currency(" usd ", "currency").getCurrencyCode()).isEqualTo("USD");
    }

    @Property
    void addingThenSubtractingGivesBackTheAmount(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long aCents,
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long bCents) {
        Money a = new Money(BigDecimal.valueOf(aCents, 2), java.util.Currency.getInstance("USD"));
        Money b = new Money(BigDecimal.valueOf(bCents, 2), java.util.Currency.getInstance("USD"));

        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(a.negate()).isZero()).isTrue();
    }

    @Property
    void aPercentageIsNeverMoreThanHalfAMinorUnitFromTheExactValue(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long cents,
            @ForAll @LongRange(min = 0, max = 10_000) long basisPoints) {
        Money base = new Money(BigDecimal.valueOf(cents, 2), java.util.Currency.getInstance("USD"));
        BigDecimal percent = BigDecimal.valueOf(basisPoints, 2);

        BigDecimal exact = base.amount().multiply(percent).movePointLeft(2);
        BigDecimal rounded = base.percent(percent).amount();

        assertThat(rounded.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Property
    void anAmountTypedIsTakenExactlyOrRefusedNeverRounded(
            @ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long unscaled,
            @ForAll("scales") int scale,
            @ForAll("currencies") String code) {
        java.util.Currency currency = Money.currency(code, "currency");
        BigDecimal typed = BigDecimal.valueOf(unscaled, scale);
        boolean fits = typed.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();

        if (fits) {
            assertThat(Money.parse(typed.toPlainString(), currency, "amount").amount())
                    .isEqualByComparingTo(typed);
        } else {
            assertThatThrownBy(() -> Money.parse(typed.toPlainString(), currency, "amount"))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems().getFirst().message()).contains("cannot be paid exactly"));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> scales() {
        return net.jqwik.api.Arbitraries.integers().between(0, 6);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> currencies() {
        return net.jqwik.api.Arbitraries.of("USD", "JPY", "KWD", "INR", "EUR", "XOF");
    }

    @Test
    void exponentsNotANumberAndOutOfRangeAmountsAreRefusedByName() {
        for (String raw : java.util.List.of("1e5", "1E-400", "NaN", "Infinity", "0x10", "1_0e3", "1234567890123456")) {
            assertThatThrownBy(() -> Money.parseAmount(raw, "amount"))
                    .as(raw)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems()).extracting("field").containsExactly("amount"));
        }
        assertThat(Money.parseAmount("123456789012345.99", "amount")).isEqualByComparingTo("123456789012345.99");
        assertThat(Money.parseAmount("-0.5", "amount")).isEqualByComparingTo("-0.5");
    }

    @Test
    void onlyCurrenciesInCirculationArePaid() {
        for (String code : java.util.List.of("XTS", "XXX", "XAU", "XDR", "DEM", "HRK", "BGN", "CLF", "USN")) {
            assertThatThrownBy(() -> Money.currency(code, "currency"))
                    .as(code)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a currency in circulation");
        }
        for (String code : java.util.List.of("XOF", "XAF", "XCD", "XPF", "XCG", "ZWG", "SLE", "VES", "EUR")) {
            assertThat(Money.currency(code, "currency").getCurrencyCode()).isEqualTo(code);
        }
    }
}
