package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.internal.PayoutLineTable;
import dev.canopy.payouts.internal.RunLifecycle;
import dev.canopy.payouts.internal.RunTable;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Random payments in dollars and euros to W-9 partners, many in the last and first hours of a year in a random
 * time zone, with totals often a cent under, at or over the threshold, each from a seed the failure names. For 2025
 * ($600) and 2026 ($2,000): a partner is flagged exactly when what it was paid in the year, by the workspace's
 * calendar, is at least the threshold, and its total and number of payments are those of the year; runs exported but
 * not marked paid never count.
 */
@CanopyTest
class The1099ThresholdHoldsForAnyPaymentsAcrossYears {

    private static final List<String> ZONES =
            List.of("UTC", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland", "Asia/Kolkata");
    private static final Map<Integer, BigDecimal> THRESHOLDS =
            Map.of(2025, new BigDecimal("600.00"), 2026, new BigDecimal("2000.00"));

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Form1099Report report;

    @Autowired
    ExchangeRates rates;

    @Autowired
    RunTable runs;

    @Autowired
    PayoutLineTable lines;

    record Payment(PartnerId partner, Money amount, Instant paidAt) {}

    @RepeatedTest(10)
    void flaggedExactlyWhenTheYearsTotalReachesItsThreshold(RepetitionInfo repetition) {
        long seed = 104729L * repetition.getCurrentRepetition() + System.nanoTime() % 1000;
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        String why = "seed " + seed + " in " + zone;
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        PayoutFixtures f = new PayoutFixtures(context);
        f.timezone(tenant, zone.getId());
        BigDecimal eurUsd = BigDecimal.valueOf(9000 + random.nextInt(4000), 4);
        fixtures.as(tenant.owner(), () -> rates.enter("EUR", "USD", "2024-06-01", eurUsd.toPlainString()));
        CommissionFixtures c = f.commissions();
        ProgramView program = c.referralProgram(tenant, "USD", 30);

        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PartnerId partner = c.member(tenant, program).id();
            f.usTaxForm(tenant, partner, "US", "W9");
            for (int year : THRESHOLDS.keySet()) {
                payments.addAll(year(random, partner, year, zone));
            }
        }
        for (Payment p : payments) {
            paid(tenant, p);
        }
        exportedNotPaid(tenant, payments.getFirst());

        for (int year : THRESHOLDS.keySet()) {
            Map<PartnerId, BigDecimal> totals = new HashMap<>();
            Map<PartnerId, Integer> counts = new HashMap<>();
            for (Payment p : payments) {
                if (LocalDate.ofInstant(p.paidAt(), zone).getYear() == year) {
                    totals.merge(p.partner(), usd(p.amount(), eurUsd), BigDecimal::add);
                    counts.merge(p.partner(), 1, Integer::sum);
                }
            }
            Map<PartnerId, BigDecimal> expected = totals.entrySet().stream()
                    .filter(e -> e.getValue().compareTo(THRESHOLDS.get(year)) >= 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

            Form1099Year actual = fixtures.as(tenant.owner(), () -> report.report(String.valueOf(year)));

            assertThat(actual.rows()).as(why + ", " + year).allSatisfy(r -> {
                assertThat(r.flag()).isEqualTo(Form1099Flag.NEC_REQUIRED);
                assertThat(r.payments()).hasSize(counts.get(r.partner()));
            });
            assertThat(actual.rows().stream()
                            .collect(Collectors.toMap(
                                    Form1099Row::partner, r -> r.paid().amount())))
                    .as(why + ", " + year + ": " + payments)
                    .isEqualTo(expected);
        }
    }

    /**
     * One to three payments of a partner meant for {@code year}, summing in dollars to a cent under, exactly, over or
     * well under its threshold, at local times often in the year's first or last hours; sometimes one more in euros.
     */
    private static List<Payment> year(Random random, PartnerId partner, int year, ZoneId zone) {
        BigDecimal threshold = THRESHOLDS.get(year);
        BigDecimal target = switch (random.nextInt(4)) {
            case 0 -> threshold.subtract(new BigDecimal("0.01"));
            case 1 -> threshold;
            case 2 -> threshold.add(BigDecimal.valueOf(random.nextInt(100_000), 2));
            default -> BigDecimal.valueOf(1 + random.nextInt(threshold.intValue() * 100 - 1), 2);
        };
        List<Payment> payments = new ArrayList<>();
        int parts = 1 + random.nextInt(3);
        BigDecimal left = target;
        for (int i = 0; i < parts; i++) {
            BigDecimal part = i == parts - 1
                    ? left
                    : left.multiply(BigDecimal.valueOf(1 + random.nextInt(80), 2))
                            .setScale(2, RoundingMode.DOWN);
            if (part.signum() > 0) {
                payments.add(new Payment(partner, Money.of(part, "USD"), when(random, year, zone)));
            }
            left = left.subtract(part);
        }
        if (random.nextInt(3) == 0) {
            payments.add(new Payment(
                    partner,
                    Money.of(BigDecimal.valueOf(1 + random.nextInt(150_000), 2), "EUR"),
                    when(random, year, zone)));
        }
        return payments;
    }

    /** A moment of {@code year} in {@code zone}: two times in three within two hours of its start or end. */
    private static Instant when(Random random, int year, ZoneId zone) {
        LocalDateTime local = switch (random.nextInt(3)) {
            case 0 -> LocalDateTime.of(year, 1, 1, 0, 0).plusSeconds(random.nextInt(7200));
            case 1 -> LocalDateTime.of(year, 12, 31, 23, 59, 59).minusSeconds(random.nextInt(7200));
            default -> LocalDateTime.of(year, 1, 1, 0, 0).plusMinutes(random.nextInt(364 * 24 * 60));
        };
        return local.atZone(zone).toInstant();
    }

    private static BigDecimal usd(Money amount, BigDecimal eurUsd) {
        return amount.currencyCode().equals("USD")
                ? amount.amount()
                : amount.amount().multiply(eurUsd).setScale(2, RoundingMode.HALF_UP);
    }

    /** One run paying one line, marked paid at the payment's moment. */
    private void paid(Fixtures.Tenant tenant, Payment p) {
        PayoutRunView run = run(tenant, p);
        runs.exported(tenant.id(), run.id(), p.paidAt());
        runs.paid(tenant.id(), run.id(), "test", p.paidAt());
    }

    /** A run exported but never marked paid: it pays nothing yet. */
    private void exportedNotPaid(Fixtures.Tenant tenant, Payment p) {
        PayoutRunView run = run(tenant, new Payment(p.partner(), Money.of("5000", "USD"), p.paidAt()));
        runs.exported(tenant.id(), run.id(), p.paidAt());
    }

    private PayoutRunView run(Fixtures.Tenant tenant, Payment p) {
        UUID id = UUID.randomUUID();
        assertThat(runs.insert(tenant.id(), id, null, p.paidAt(), Actor.system(), p.paidAt()))
                .isTrue();
        PayoutRunView run = runs.get(tenant.id(), id).orElseThrow();
        Money zero = Money.zero(p.amount().currency());
        lines.insertLines(
                tenant.id(),
                run,
                List.of(new PayoutLineTable.NewLine(
                        p.partner(),
                        1,
                        p.amount(),
                        zero,
                        zero,
                        0,
                        zero,
                        p.amount(),
                        null,
                        true,
                        null,
                        List.of(),
                        List.of())));
        // Through the phases in order: every status update is guarded by the status it moves from.
        runs.claimed(tenant.id(), id, RunLifecycle.CLAIMED, false);
        runs.approved(tenant.id(), id, Actor.system(), p.paidAt());
        return run;
    }
}
