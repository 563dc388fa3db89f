package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * For any net and any rate, the amount a partner is paid in its own currency is the exact product rounded once,
 * half up, at that currency's minor unit (0 decimals for JPY, 3 for KWD); and the line's ledger entry is the one
 * it would be without the conversion: the ledger never sees the payout currency.
 */
class ConvertedPayoutsRoundOnceAndLeaveTheLedgerAlone {

    private static final Instant NOW = Instant.parse("2026-11-15T09:00:00Z");

    @Property
    void theConvertedAmountIsTheExactProductRoundedHalfUpAtTheMinorUnit(
            @ForAll @LongRange(min = 1, max = 100_000_000_000L) long netCents,
            @ForAll @LongRange(min = 1, max = 100_000_000_000_000L) long rateTenBillionths,
            @ForAll("currencies") Currency to) {
        Money net = Money.of(BigDecimal.valueOf(netCents, 2), "EUR");
        BigDecimal rate = BigDecimal.valueOf(rateTenBillionths, 10);

        Money paid = Conversion.of(net, rate("EUR", to.getCurrencyCode(), rate)).paid();

        int digits = to.getDefaultFractionDigits();
        BigDecimal exact = net.amount().multiply(rate);
        BigDecimal half = BigDecimal.ONE.movePointLeft(digits).divide(BigDecimal.TWO);
        BigDecimal error = paid.amount().subtract(exact);
        assertThat(paid.currency()).isEqualTo(to);
        assertThat(paid.amount().scale()).isEqualTo(digits);
        assertThat(error.abs()).as("within half a minor unit").isLessThanOrEqualTo(half);
        assertThat(error.compareTo(half.negate()))
                .as("a half is rounded up, never down")
                .isPositive();
    }

    @Property
    void theLedgerEntryOfAConvertedLineIsTheOneOfTheLineAsEarned(
            @ForAll @LongRange(min = 1, max = 100_000_000_000L) long grossCents,
            @ForAll @LongRange(min = 0, max = 100_000_000L) long gstCents,
            @ForAll @LongRange(min = 0, max = 100_000_000L) long tdsCents,
            @ForAll @LongRange(min = 1, max = 100_000_000_000_000L) long rateTenBillionths) {
        Money gross = Money.of(BigDecimal.valueOf(grossCents, 2), "INR");
        Money gst = Money.of(BigDecimal.valueOf(gstCents, 2), "INR");
        Money tds = Money.of(BigDecimal.valueOf(tdsCents, 2), "INR");
        Money net = gross.plus(gst).minus(tds);
        Conversion conversion = Conversion.of(net, rate("INR", "USD", BigDecimal.valueOf(rateTenBillionths, 10)));
        PartnerId partner = new PartnerId(UUID.randomUUID());
        UUID id = UUID.randomUUID();

        LedgerEntry converted =
                PayoutRunPayments.paidOut(run(), line(id, partner, gross, gst, tds, net, conversion), NOW);
        LedgerEntry asEarned = PayoutRunPayments.paidOut(run(), line(id, partner, gross, gst, tds, net, null), NOW);

        assertThat(converted).isEqualTo(asEarned);
        assertThat(converted.legs())
                .allSatisfy(leg -> assertThat(leg.amount().currencyCode()).isEqualTo("INR"));
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("USD", "JPY", "KWD", "INR", "GBP").map(Currency::getInstance);
    }

    private static ExchangeRate rate(String from, String to, BigDecimal rate) {
        return new ExchangeRate(from, to, LocalDate.of(2026, 10, 31), rate, "test", NOW);
    }

    private static PayoutLineView line(
            UUID id, PartnerId partner, Money gross, Money gst, Money tds, Money net, Conversion conversion) {
        return new PayoutLineView(
                id,
                UUID.randomUUID(),
                "PR-0001-0001",
                partner,
                "Bluebird",
                1,
                gross,
                gst,
                tds,
                0,
                Money.zero(gross.currency()),
                net,
                conversion,
                true,
                null,
                List.of());
    }

    private static PayoutRunView run() {
        return new PayoutRunView(
                UUID.randomUUID(),
                "PR-0001",
                null,
                NOW,
                PayoutRunStatus.APPROVED,
                false,
                Actor.system(),
                NOW,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                1,
                0);
    }
}
