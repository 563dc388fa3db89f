package dev.canopy.comarketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.deals.DealFixtures;
import dev.canopy.ledger.Ledger;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The MDF path from budget to approved claim, with the money rules at each step: a request within what is left of
 * the allocation, an approval within the allocation and the budget (two people above the threshold), a claim by its
 * deadline with a receipt per line, a review that never accepts more than was approved, and the approved claim in
 * the ledger as MDF expense owed to the partner.
 */
@CanopyTest
@RecordApplicationEvents
class FundsFollowTheirMoneyRules {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Funds funds;

    @Autowired
    FundRequests requests;

    @Autowired
    FundClaims claims;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    ApplicationEvents events;

    DealFixtures f;
    MdfFixtures mdf;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member member;

    @BeforeEach
    void aPartnerOfAProgramme() {
        f = new DealFixtures(context);
        mdf = new MdfFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        member = f.member(tenant, program);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRequestIsApprovedClaimedReviewedAndOwedToThePartner() {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");

        FundRequestView webinar = mdf.request(member, budget, "2000");
        assertThat(webinar.status()).isEqualTo(FundRequestStatus.SUBMITTED);
        assertThat(webinar.reference()).isEqualTo("MDF-0001");
        assertThatThrownBy(() -> mdf.request(member, budget, "1500"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plannedCost")
                .hasMessageContaining("Only 1000.00 EUR is left");
        assertThat(count("comarketing_request")).isEqualTo(1);

        FundRequestView approved = f.asStaff(tenant, () -> requests.approve(webinar.id(), "1800"));
        assertThat(approved.status()).isEqualTo(FundRequestStatus.APPROVED);
        assertThat(approved.approvedAmount()).isEqualTo(Money.of("1800", "EUR"));
        assertThat(approved.claimDueOn()).isEqualTo(webinar.endsOn().plusDays(30));
        FundBalance balance = f.asPartner(member, () -> funds.mine()).getFirst();
        assertThat(balance.allocated()).isEqualTo(Money.of("3000", "EUR"));
        assertThat(balance.approved()).isEqualTo(Money.of("1800", "EUR"));
        assertThat(balance.available()).isEqualTo(Money.of("1200", "EUR"));

        FundClaimView claim = f.asPartner(
                member,
                () -> claims.submit(
                        webinar.id(),
                        List.of(MdfFixtures.line("Webinar platform", "1000"), MdfFixtures.line("Ads", "900"))));
        assertThat(claim.claimed()).isEqualTo(Money.of("1900", "EUR"));
        assertThatThrownBy(() -> f.asPartner(
                        member, () -> claims.submit(webinar.id(), List.of(MdfFixtures.line("Again", "10")))))
                .isInstanceOf(ConflictException.class);

        List<ClaimLineView> lines = claim.lines();
        assertThatThrownBy(() -> f.asStaff(
                        tenant,
                        () -> claims.review(
                                claim.id(),
                                List.of(
                                        accept(lines.get(0)),
                                        new LineReview(lines.get(1).id().toString(), "ACCEPTED", null, null)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than the 1800.00 EUR approved");
        assertThat(ledger.balances(tenant.id(), member.id())).isEmpty();

        FundClaimView reviewed = f.asStaff(
                tenant,
                () -> claims.review(
                        claim.id(),
                        List.of(
                                accept(lines.get(0)),
                                new LineReview(lines.get(1).id().toString(), "REDUCED", "700", "Half the ads ran"))));
        assertThat(reviewed.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(reviewed.approved()).isEqualTo(Money.of("1700", "EUR"));
        assertThat(reviewed.lines().get(1).reason()).isEqualTo("Half the ads ran");
        assertThat(ledger.balances(tenant.id(), member.id()))
                .singleElement()
                .satisfies(b -> assertThat(b.amount()).isEqualTo(Money.of("-1700", "EUR")));
        assertThat(ledger.check(tenant.id())).isEmpty();
        assertThatThrownBy(() -> f.asStaff(tenant, () -> claims.review(claim.id(), List.of())))
                .isInstanceOf(ConflictException.class);
        assertThat(events.stream(MdfBudgetCreated.class))
                .singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.of("10000", "EUR")));
        assertThat(events.stream(FundRequestMoved.class).map(FundRequestMoved::status))
                .containsExactly(FundRequestStatus.SUBMITTED, FundRequestStatus.APPROVED);
        assertThat(events.stream(FundClaimMoved.class))
                .extracting(FundClaimMoved::status, FundClaimMoved::approved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ClaimStatus.SUBMITTED, null),
                        org.assertj.core.groups.Tuple.tuple(ClaimStatus.APPROVED, Money.of("1700", "EUR")));
        FundBalance after = f.asPartner(member, () -> funds.mine()).getFirst();
        assertThat(after.claimed()).isEqualTo(Money.of("1700", "EUR"));
        assertThat(f.asPartner(
                                member,
                                () -> claims.receipt(claim.id(), lines.get(0).id()))
                        .contentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void aBudgetNeverApprovesMoreThanItHolds() {
        BudgetView budget = mdf.budget(tenant, program, "1000", null);
        DealFixtures.Member other = f.member(tenant, program);
        mdf.allocate(tenant, budget, member, "800");
        mdf.allocate(tenant, budget, other, "800");
        FundRequestView first = mdf.request(member, budget, "800");
        FundRequestView second = mdf.request(other, budget, "800");
        f.asStaff(tenant, () -> requests.approve(first.id(), null));
        assertThatThrownBy(() -> f.asStaff(tenant, () -> requests.approve(second.id(), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only 200.00 EUR is left of the 1000.00 EUR budget");
        assertThat(f.asStaff(tenant, () -> requests.approve(second.id(), "200")).approvedAmount())
                .isEqualTo(Money.of("200", "EUR"));
        assertThat(f.asStaff(tenant, () -> funds.get(budget.id())).remaining()).isEqualTo(Money.of("0", "EUR"));
    }

    @Test
    void aboveTheThresholdTwoPeopleApprove() {
        BudgetView budget = mdf.budget(tenant, program, "10000", "1000");
        mdf.allocate(tenant, budget, member, "5000");
        FundRequestView big = mdf.request(member, budget, "2500");
        assertThat(big.needsSecondApproval()).isTrue();
        FundRequestView once = f.asStaff(tenant, () -> requests.approve(big.id(), null));
        assertThat(once.status()).isEqualTo(FundRequestStatus.SUBMITTED);
        assertThat(once.firstApprovedBy()).isNotNull();
        assertThatThrownBy(() -> f.asStaff(tenant, () -> requests.approve(big.id(), null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("someone other than");
        var finance = fixtures.member(tenant, dev.canopy.identity.Role.FINANCE);
        assertThat(fixtures.as(finance, () -> requests.approve(big.id(), null)).status())
                .isEqualTo(FundRequestStatus.APPROVED);
    }

    @Test
    void aClaimAfterItsDeadlineWaitsForAnExtension() {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");
        FundRequestView r = mdf.request(member, budget, "500");
        FundRequestView approved = f.asStaff(tenant, () -> requests.approve(r.id(), null));
        clock.advance(Duration.ofDays(33));
        assertThatThrownBy(() ->
                        f.asPartner(member, () -> claims.submit(r.id(), List.of(MdfFixtures.line("Venue", "500")))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ask for an extension");
        assertThat(f.asPartner(member, () -> requests.askExtension(r.id(), "The invoice came late"))
                        .extensionReason())
                .isEqualTo("The invoice came late");
        assertThatThrownBy(() -> f.asStaff(
                        tenant,
                        () -> requests.extend(r.id(), approved.claimDueOn().toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("claimDueOn");
        f.asStaff(
                tenant,
                () -> requests.extend(r.id(), approved.claimDueOn().plusDays(14).toString()));
        assertThat(f.asPartner(member, () -> claims.submit(r.id(), List.of(MdfFixtures.line("Venue", "500"))))
                        .status())
                .isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void useItOrLoseIt() {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");
        clock.advance(Duration.ofDays(81));
        assertThatThrownBy(() -> mdf.request(member, budget, "100"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("period ended");
    }

    @Test
    void badInputIsNamedAndNothingIsStored() {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");
        assertThatThrownBy(() -> f.asPartner(
                        member,
                        () -> requests.submit(new FundRequestInput(
                                budget.id().toString(),
                                "PARTY",
                                "",
                                "x",
                                "tomorrow",
                                mdf.today().toString(),
                                "10.001",
                                "-1"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e)
                                .problems().stream().map(InvalidInputException.FieldProblem::field))
                        .contains("activityType", "title", "startsOn", "plannedCost", "expectedLeads"));
        assertThatThrownBy(() -> f.asStaff(
                        tenant,
                        () -> funds.create(new BudgetInput(
                                program.id().toString(), "Q", "2027-01-01", "2026-01-01", "XTS", "5", "0", ""))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e)
                                .problems().stream().map(InvalidInputException.FieldProblem::field))
                        .contains("endsOn", "currency", "claimDays"));
        FundRequestView r = mdf.request(member, budget, "500");
        f.asStaff(tenant, () -> requests.approve(r.id(), null));
        assertThatThrownBy(() -> f.asPartner(
                        member,
                        () -> claims.submit(
                                r.id(),
                                List.of(new ClaimLineInput(
                                        "Venue",
                                        "100",
                                        dev.canopy.enablement.Upload.of(
                                                "receipt.pdf", "<html><script>x</script>".getBytes()))))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lines[0].receipt");
        assertThat(count("comarketing_claim")).isZero();
        assertThat(count("comarketing_budget")).isEqualTo(1);
    }

    @Test
    void onePartnerNeverSeesAnothersRequests() {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        DealFixtures.Member other = f.member(tenant, program);
        mdf.allocate(tenant, budget, member, "3000");
        FundRequestView mine = mdf.request(member, budget, "500");
        assertThat(f.asPartner(other, () -> requests.list(null))).isEmpty();
        assertThatThrownBy(() -> f.asPartner(other, () -> requests.get(mine.id())))
                .isInstanceOf(dev.canopy.shared.NotFoundException.class);
        assertThatThrownBy(() ->
                        f.asPartner(other, () -> requests.submit(MdfFixtures.activity(budget, "10", mdf.today()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("budgetId");
    }

    private static LineReview accept(ClaimLineView line) {
        return new LineReview(line.id().toString(), "ACCEPTED", null, null);
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table + " where workspace_id = ?")
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }
}
