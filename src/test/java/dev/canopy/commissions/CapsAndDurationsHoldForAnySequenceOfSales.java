package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Random sales (amounts, customers, days over several months), each from a seed the failure names, priced by
 * three rules at once; what the engine made is compared with the rules worked out here by hand:
 * a 10 % share capped at 100.00 a calendar month, a 5 % share of each customer's first payment only, and
 * 20 % of payments within two months of the customer's first.
 */
@CanopyTest
class CapsAndDurationsHoldForAnySequenceOfSales {

    private static final BigDecimal CAP = new BigDecimal("100.00");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Commissions commissions;

    record Sale(UUID customer, BigDecimal amount, Instant at) {}

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @RepeatedTest(8)
    void theEngineAgreesWithTheRulesWorkedOutByHand(RepetitionInfo repetition) {
        long seed = 104729L * repetition.getCurrentRepetition() + System.nanoTime() % 1000;
        Random random = new Random(seed);
        String why = "seed " + seed;

        CommissionFixtures f = new CommissionFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        VendorUser finance = fixtures.member(tenant, Role.FINANCE);
        ProgramView program = f.referralProgram(tenant, "EUR", 30);
        DealFixtures.Member partner = f.member(tenant, program);
        f.rule(tenant, program, rule("Capped", "10", "LIFETIME", null, "100", "MONTH"));
        f.rule(tenant, program, rule("Welcome", "5", "ONCE", null, null, null));
        f.rule(tenant, program, rule("Two months", "20", "MONTHS", "2", null, null));

        List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, Instant> firstPaid = new HashMap<>();
        List<Sale> sales = new ArrayList<>();
        int count = 6 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofHours(1 + random.nextInt(24 * 14)));
            UUID customer = customers.get(random.nextInt(customers.size()));
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(60_000), 2);
            boolean first = !firstPaid.containsKey(customer);
            f.sale(tenant, program, partner.id(), customer, amount.toPlainString(), "EUR", first);
            Instant at = f.now();
            firstPaid.putIfAbsent(customer, at);
            sales.add(new Sale(customer, amount, at));
        }

        List<CommissionView> made = fixtures.as(finance, () -> all(partner));
        assertThat(byRule(made, "Capped")).as(why).isEqualTo(capped(sales));
        assertThat(byRule(made, "Welcome")).as(why).isEqualTo(welcome(sales, firstPaid));
        assertThat(byRule(made, "Two months")).as(why).isEqualTo(twoMonths(sales, firstPaid));
    }

    /** What the capped rule paid per calendar month (UTC). */
    private static Map<YearMonth, BigDecimal> capped(List<Sale> sales) {
        Map<YearMonth, BigDecimal> paid = new HashMap<>();
        for (Sale sale : sales) {
            YearMonth month = YearMonth.from(sale.at().atZone(ZoneOffset.UTC));
            BigDecimal sofar = paid.getOrDefault(month, BigDecimal.ZERO.setScale(2));
            BigDecimal room = CAP.subtract(sofar).max(BigDecimal.ZERO);
            paid.put(month, sofar.add(share(sale.amount(), "10").min(room)));
        }
        return paid;
    }

    private static Map<YearMonth, BigDecimal> welcome(List<Sale> sales, Map<UUID, Instant> firstPaid) {
        return perMonth(sales.stream()
                .filter(s -> s.at().equals(firstPaid.get(s.customer())))
                .map(s -> Map.entry(s.at(), share(s.amount(), "5")))
                .toList());
    }

    private static Map<YearMonth, BigDecimal> twoMonths(List<Sale> sales, Map<UUID, Instant> firstPaid) {
        return perMonth(sales.stream()
                .filter(s -> s.at().isBefore(firstPaid
                        .get(s.customer())
                        .atZone(ZoneOffset.UTC)
                        .plusMonths(2)
                        .toInstant()))
                .map(s -> Map.entry(s.at(), share(s.amount(), "20")))
                .toList());
    }

    private static BigDecimal share(BigDecimal amount, String percent) {
        return amount.multiply(new BigDecimal(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static Map<YearMonth, BigDecimal> perMonth(List<Map.Entry<Instant, BigDecimal>> amounts) {
        return amounts.stream()
                .collect(Collectors.groupingBy(
                        e -> YearMonth.from(e.getKey().atZone(ZoneOffset.UTC)),
                        Collectors.reducing(BigDecimal.ZERO.setScale(2), Map.Entry::getValue, BigDecimal::add)));
    }

    /** What a rule made per calendar month of the sale; a month where it made nothing is left out. */
    private static Map<YearMonth, BigDecimal> byRule(List<CommissionView> made, String rule) {
        Map<YearMonth, BigDecimal> months = perMonth(made.stream()
                .filter(c -> rule.equals(c.ruleName()))
                .map(c -> Map.entry(c.occurredAt(), c.amount().amount()))
                .toList());
        months.values().removeIf(total -> total.signum() == 0);
        return months;
    }

    private List<CommissionView> all(DealFixtures.Member partner) {
        List<CommissionView> all = new ArrayList<>();
        String after = null;
        do {
            Commissions.Page page = commissions.list(new CommissionFilter(null, partner.id(), null, after));
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        assertThat(all).allSatisfy(c -> {
            assertThat(c.amount().currencyCode()).isEqualTo("EUR");
            assertThat(c.amount().amount()).isNotNegative();
        });
        return all;
    }

    private static RuleDraft rule(
            String name, String rate, String duration, String months, String cap, String capPeriod) {
        return new RuleDraft(
                name,
                "RECURRING_PAYMENT",
                "PAYMENT",
                rate,
                null,
                duration,
                months,
                null,
                null,
                null,
                null,
                null,
                cap,
                capPeriod,
                Map.of());
    }
}
