package dev.canopy.payouts;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * One invoice in EUR in a workspace of its own, paid 10 % in a USD programme at {@link #RATE} once the EUR→USD
 * rate is entered ("pricing"), and what happens to it: its sale, its refunds in EUR (by index) or GBP, and
 * payout runs of whatever is approved.
 */
class RefundedInvoice {

    static final BigDecimal RATE = new BigDecimal("1.0834");

    private final Fixtures fixtures;
    private final MutableClock clock;
    private final Commissions commissions;
    private final ExchangeRates rates;
    private final PayoutRuns runs;
    private final PayoutRunPayments payments;
    private final HoldExpiry holdExpiry;

    final CommissionFixtures f;
    final Fixtures.Tenant tenant;
    final ProgramView program;
    final DealFixtures.Member partner;
    final VendorUser finance;
    final UUID customer = UUID.randomUUID();
    final UUID sale = UUID.randomUUID();
    private final LocalDate day;
    private boolean priced;

    RefundedInvoice(ApplicationContext context) {
        fixtures = context.getBean(Fixtures.class);
        clock = context.getBean(MutableClock.class);
        commissions = context.getBean(Commissions.class);
        rates = context.getBean(ExchangeRates.class);
        runs = context.getBean(PayoutRuns.class);
        payments = context.getBean(PayoutRunPayments.class);
        holdExpiry = context.getBean(HoldExpiry.class);
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "USD", 0);
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        partner = new PayoutFixtures(context).bankPartner(tenant, program, PayoutFixtures.IBANS.get(1));
        finance = fixtures.member(tenant, Role.FINANCE);
        day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** "sale", "pricing", "payout", "refund in GBP" or "refund {i}" of {@code refunds}, five minutes after the last. */
    void happen(String step, BigDecimal saleAmount, List<BigDecimal> refunds) {
        clock.advance(Duration.ofMinutes(5));
        switch (step) {
            case "sale" -> f.sale(tenant, program, partner.id(), customer, sale, plain(saleAmount), "EUR", true);
            case "pricing" -> {
                if (!priced) {
                    fixtures.as(
                            tenant.owner(),
                            () -> rates.enter("EUR", "USD", day.minusDays(1).toString(), RATE.toPlainString()));
                    priced = true;
                }
            }
            case "payout" -> {
                holdExpiry.approveDue();
                if (fixtures.as(finance, runs::preview).stream().anyMatch(PayoutLineView::payable)) {
                    PayoutRunView run = fixtures.as(finance, runs::start);
                    fixtures.as(finance, () -> runs.approve(run.id()));
                    fixtures.as(finance, () -> payments.export(run.id()));
                    fixtures.as(finance, () -> payments.markPaid(run.id()));
                }
            }
            case "refund in GBP" -> f.refund(tenant, program, partner.id(), customer, sale, "50.00", "GBP");
            default -> {
                int i = Integer.parseInt(step.substring("refund ".length()));
                f.refund(tenant, program, partner.id(), customer, sale, plain(refunds.get(i)), "EUR");
            }
        }
    }

    List<CommissionView> commissions() {
        return fixtures.as(tenant.owner(), () -> commissions.list(new CommissionFilter(null, null, null, null)))
                .items();
    }

    Money net() {
        return commissions().stream().map(CommissionView::amount).reduce(Money.of("0", "USD"), Money::plus);
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
