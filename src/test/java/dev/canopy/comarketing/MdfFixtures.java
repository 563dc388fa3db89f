package dev.canopy.comarketing;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.SampleFiles;
import dev.canopy.enablement.Upload;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** A budget of a programme, allocations, and requests and claims as a partner makes them. */
public final class MdfFixtures {

    private final DealFixtures deals;
    private final Funds funds;
    private final FundRequests requests;
    private final FundClaims claims;
    private final Clock clock;

    public MdfFixtures(ApplicationContext context) {
        this.deals = new DealFixtures(context);
        this.funds = context.getBean(Funds.class);
        this.requests = context.getBean(FundRequests.class);
        this.claims = context.getBean(FundClaims.class);
        this.clock = context.getBean(Clock.class);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A EUR budget running from ten days ago for a quarter. */
    BudgetView budget(Fixtures.Tenant tenant, ProgramView program, String amount, String secondAbove) {
        return budget(tenant, program, amount, "EUR", secondAbove);
    }

    BudgetView budget(Fixtures.Tenant tenant, ProgramView program, String amount, String currency, String secondAbove) {
        return deals.asStaff(
                tenant,
                () -> funds.create(new BudgetInput(
                        program.id().toString(),
                        Fixtures.unique("Q1 MDF"),
                        today().minusDays(10).toString(),
                        today().plusDays(80).toString(),
                        currency,
                        amount,
                        "30",
                        secondAbove)));
    }

    /**
     * A claim of {@code amount} approved in full, the whole way a partner and staff make it: a budget of its own,
     * allocated to the member, a request approved, claimed with a receipt and accepted.
     */
    public FundClaimView approvedClaim(
            Fixtures.Tenant tenant, ProgramView program, DealFixtures.Member member, String amount, String currency) {
        BudgetView budget = budget(tenant, program, "1000000", currency, null);
        allocate(tenant, budget, member, amount);
        FundRequestView request = request(member, budget, amount);
        deals.asStaff(tenant, () -> requests.approve(request.id(), null));
        FundClaimView claim =
                deals.asPartner(member, () -> claims.submit(request.id(), List.of(line("Event costs", amount))));
        return deals.asStaff(
                tenant,
                () -> claims.review(
                        claim.id(),
                        List.of(new LineReview(claim.lines().getFirst().id().toString(), "ACCEPTED", null, null))));
    }

    AllocationView allocate(Fixtures.Tenant tenant, BudgetView budget, DealFixtures.Member member, String amount) {
        return deals.asStaff(
                tenant,
                () -> funds.allocate(
                        budget.id(), new AllocationInput(member.id().toString(), null, amount, null)));
    }

    static FundRequestInput activity(BudgetView budget, String cost, LocalDate starts) {
        return new FundRequestInput(
                budget.id().toString(),
                "WEBINAR",
                "Cloud migration webinar",
                "A one-hour webinar for retail CIOs",
                starts.toString(),
                starts.plusDays(1).toString(),
                cost,
                "40");
    }

    FundRequestView request(DealFixtures.Member member, BudgetView budget, String cost) {
        return deals.asPartner(member, () -> requests.submit(activity(budget, cost, today())));
    }

    static ClaimLineInput line(String description, String amount) {
        Upload receipt = Upload.of(description.replace(' ', '-') + ".pdf", SampleFiles.pdf("Invoice: " + description));
        return new ClaimLineInput(description, amount, receipt);
    }
}
