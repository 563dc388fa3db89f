package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A USD deal in a EUR programme waits for a rate on or before its day; a rate entered the other way round
 * (EUR→USD) prices it at the inverse, and on a day with both, the one entered as USD→EUR wins. The rate and its
 * day are locked on the commission.
 */
@CanopyTest
class ASaleInAnotherCurrencyWaitsForItsRateThenLocksIt {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Commissions commissions;

    @Autowired
    ExchangeRates rates;

    CommissionFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void aEuroProgramme() {
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "EUR", 30);
        f.rule(tenant, program, CommissionFixtures.referralFee("15"));
        partner = f.member(tenant, program);
    }

    @Test
    void theDealWaitsThenIsPricedAtTheInverseOfARateEnteredTheOtherWayRound() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        f.dealWon(tenant, program, partner.id(), "10000", "USD");
        enter("USD", "EUR", today.plusDays(1), "0.5");
        assertThat(made()).as("no rate on or before the deal's day yet").isEmpty();

        enter("EUR", "USD", today.minusDays(1), "1.25");
        CommissionView first = made().getFirst();
        assertThat(first.fxRate()).isEqualByComparingTo("0.8");
        assertThat(first.fxOn()).isEqualTo(today.minusDays(1));
        assertThat(first.amount()).isEqualTo(Money.of("1200.00", "EUR"));

        enter("USD", "EUR", today.minusDays(1), "0.9");
        f.dealWon(tenant, program, partner.id(), "10000", "USD");
        assertThat(made())
                .extracting(CommissionView::amount)
                .as("the rate as entered wins over another's inverse; the first keeps its rate")
                .containsExactly(Money.of("1200.00", "EUR"), Money.of("1350.00", "EUR"));
    }

    private void enter(String base, String quote, LocalDate on, String rate) {
        fixtures.as(tenant.owner(), () -> rates.enter(base, quote, on.toString(), rate));
    }

    private List<CommissionView> made() {
        return fixtures
                .as(tenant.owner(), () -> commissions.list(new CommissionFilter(null, partner.id(), null, null)))
                .items()
                .stream()
                .sorted(Comparator.comparing(CommissionView::createdAt))
                .toList();
    }
}
