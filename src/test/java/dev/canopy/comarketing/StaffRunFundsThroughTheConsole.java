package dev.canopy.comarketing;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff make a budget and its allocations through the console's forms (a bad form answers 400 with each problem
 * beside its field and stores nothing), approve (two people above the threshold) and reject requests, review a
 * claim line by line with its receipts at hand; an analyst reads and changes nothing.
 */
@CanopyTest
class StaffRunFundsThroughTheConsole {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FundRequests requests;

    @Autowired
    FundClaims claims;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

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
    void aBudgetAndAnAllocationAreMadeThroughTheFormsAndBadOnesStoreNothing() throws Exception {
        assertThat(page("/app/mdf").getElementsByAttributeValue("data-testid", "no-budgets"))
                .isNotEmpty();

        Document refused = form(
                post("/app/mdf/budgets")
                        .param("programId", program.id().toString())
                        .param("name", "")
                        .param("startsOn", mdf.today().toString())
                        .param("endsOn", mdf.today().minusDays(1).toString())
                        .param("currency", "EUR")
                        .param("amount", "lots")
                        .param("claimDays", "30"),
                400);
        assertThat(besides(refused, "name")).isNotBlank();
        assertThat(besides(refused, "endsOn")).contains("on or after its first day");
        assertThat(besides(refused, "amount")).isNotBlank();
        assertThat(refused.getElementById("currency").val()).isEqualTo("EUR");
        assertThat(count("comarketing_budget")).isZero();

        String budget = mvc.perform(post("/app/mdf/budgets")
                        .param("programId", program.id().toString())
                        .param("name", "Q1 funds")
                        .param("startsOn", mdf.today().toString())
                        .param("endsOn", mdf.today().plusDays(90).toString())
                        .param("currency", "EUR")
                        .param("amount", "10000")
                        .param("claimDays", "30")
                        .param("secondApprovalAbove", "")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/app/mdf/budgets/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page("/app/mdf").select("[data-testid=budget-row]").text())
                .contains("Q1 funds")
                .contains(program.name())
                .contains("10,000.00 EUR");

        Document noRecipient = form(post(budget + "/allocations").param("amount", "3000"), 400);
        assertThat(besides(noRecipient, "partnerId")).isEqualTo("Choose either a partner or a tier");
        assertThat(noRecipient.getElementById("amount").val()).isEqualTo("3000");
        Document tooMuch = form(
                post(budget + "/allocations")
                        .param("partnerId", member.id().toString())
                        .param("amount", "20000"),
                400);
        assertThat(besides(tooMuch, "amount")).contains("at most the budget");
        assertThat(count("comarketing_allocation")).isZero();

        mvc.perform(post(budget + "/allocations")
                        .param("partnerId", member.id().toString())
                        .param("tierId", "")
                        .param("amount", "3000")
                        .param("accrualPercent", "")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document page = page(budget);
        assertThat(page.select("[data-testid=allocation-row]").text()).contains("Partner ");
        assertThat(page.select("[data-testid=balance-row]").text()).contains("3,000.00 EUR");

        String remove =
                page.select("[data-testid=remove-allocation]").first().parent().attr("action");
        mvc.perform(post(remove).with(signedIn(tenant.owner())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(budget).getElementsByAttributeValue("data-testid", "no-allocations"))
                .isNotEmpty();
    }

    @Test
    void staffApproveAndRejectAndAboveTheThresholdASecondPersonApproves() throws Exception {
        BudgetView budget = mdf.budget(tenant, program, "10000", "1000");
        mdf.allocate(tenant, budget, member, "3000");
        FundRequestView big = mdf.request(member, budget, "2000");
        FundRequestView small = mdf.request(member, budget, "500");

        Document queue = page("/app/mdf");
        assertThat(queue.select("[data-testid=request-row]").text())
                .contains(big.reference())
                .contains(small.reference())
                .contains("Needs two approvals");

        String at = "/app/mdf/requests/" + big.id();
        assertThat(besides(form(post(at + "/approve").param("amount", "2500"), 400), "amount"))
                .contains("at most the planned cost");
        mvc.perform(post(at + "/approve")
                        .param("amount", "")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(at).select("[data-testid=first-approval]").text())
                .contains(tenant.owner().displayName());
        Document samePerson = form(post(at + "/approve").param("amount", "2000"), 400);
        assertThat(samePerson.select("[data-testid=form-errors]").text()).contains("someone other than");
        VendorUser finance = fixtures.member(tenant, Role.FINANCE);
        mvc.perform(post(at + "/approve")
                        .param("amount", "2000")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.asStaff(tenant, () -> requests.get(big.id())).status()).isEqualTo(FundRequestStatus.APPROVED);
        assertThat(page(at).select("[data-testid=claim-due]").text()).isNotBlank();

        String other = "/app/mdf/requests/" + small.id();
        assertThat(besides(form(post(other + "/reject").param("reason", " "), 400), "reason"))
                .isNotBlank();
        VendorUser analyst = fixtures.member(tenant, Role.ANALYST);
        mvc.perform(get(other).with(signedIn(analyst))).andExpect(status().isOk());
        mvc.perform(post(other + "/reject")
                        .param("reason", "Not this quarter")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(other + "/approve").with(signedIn(analyst)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/mdf/budgets")
                        .param("name", "Analyst's")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(f.asStaff(tenant, () -> requests.get(small.id())).status()).isEqualTo(FundRequestStatus.SUBMITTED);

        mvc.perform(post(other + "/reject")
                        .param("reason", "Not this quarter")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(other).select("[data-testid=decision]").text()).contains("Not this quarter");
    }

    @Test
    void aClaimIsReviewedLineByLineWithEachProblemBesideItsLine() throws Exception {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");
        FundRequestView webinar = mdf.request(member, budget, "2000");
        f.asStaff(tenant, () -> requests.approve(webinar.id(), "1800"));
        FundClaimView claim = f.asPartner(
                member,
                () -> claims.submit(
                        webinar.id(),
                        List.of(MdfFixtures.line("Webinar platform", "1000"), MdfFixtures.line("Ads", "900"))));
        assertThat(page("/app/mdf").select("[data-testid=claim-row]").text()).contains(webinar.reference());

        String at = "/app/mdf/requests/" + webinar.id();
        Document shown = page(at);
        assertThat(shown.select("[data-testid=claim-line]")).hasSize(2);
        String receipt = shown.select("[data-testid=receipt-link]").first().attr("href");
        mvc.perform(get(receipt).with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", startsWith("inline")));

        ClaimLineView first = claim.lines().get(0);
        ClaimLineView second = claim.lines().get(1);
        String review = "/app/mdf/claims/" + claim.id() + "/review";
        mvc.perform(post(review)
                        .param("lines[0].lineId", first.id().toString())
                        .param("lines[0].decision", "ACCEPTED")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "Decide on every line of the claim."));
        Document refused = form(
                post(review)
                        .param("lines[0].lineId", first.id().toString())
                        .param("lines[0].decision", "ACCEPTED")
                        .param("lines[1].lineId", second.id().toString())
                        .param("lines[1].decision", "REDUCED")
                        .param("lines[1].acceptedAmount", "")
                        .param("lines[1].reason", ""),
                400);
        assertThat(besides(refused, "lines1.acceptedAmount")).isNotBlank();
        assertThat(besides(refused, "lines1.reason")).isNotBlank();
        assertThat(refused.getElementById("lines1.decision")
                        .select("option[selected]")
                        .val())
                .isEqualTo("REDUCED");
        assertThat(f.asStaff(tenant, () -> claims.get(claim.id())).status()).isEqualTo(ClaimStatus.SUBMITTED);

        mvc.perform(post(review)
                        .param("lines[0].lineId", first.id().toString())
                        .param("lines[0].decision", "ACCEPTED")
                        .param("lines[1].lineId", second.id().toString())
                        .param("lines[1].decision", "REDUCED")
                        .param("lines[1].acceptedAmount", "700")
                        .param("lines[1].reason", "Over the rate card")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document reviewed = page(at);
        assertThat(reviewed.select("[data-testid=claim-status]").text()).isEqualTo("Approved, to be paid");
        assertThat(reviewed.select("[data-testid=claim-lines]").text())
                .contains("Reduced")
                .contains("700.00 EUR")
                .contains("Over the rate card");
        assertThat(reviewed.select("[data-testid=save-review]")).isEmpty();
    }

    @Test
    void aClaimDeniedInFullIsRejectedAndItsReasonsStayInSightForBothSides() throws Exception {
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");
        FundRequestView booth = mdf.request(member, budget, "1000");
        f.asStaff(tenant, () -> requests.approve(booth.id(), null));
        FundClaimView claim =
                f.asPartner(member, () -> claims.submit(booth.id(), List.of(MdfFixtures.line("Booth", "1000"))));

        mvc.perform(post("/app/mdf/claims/" + claim.id() + "/review")
                        .param("lines[0].lineId", claim.lines().getFirst().id().toString())
                        .param("lines[0].decision", "DENIED")
                        .param("lines[0].reason", "The receipt is for another event")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/app/mdf/requests/" + booth.id())
                        .select("[data-testid=rejected-claim]")
                        .text())
                .contains("The receipt is for another event");
        Document portal = Jsoup.parse(
                mvc.perform(get("/portal/funds/requests/" + booth.id()).with(f.portal(member)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(portal.select("[data-testid=rejected-claim]").text()).contains("The receipt is for another event");
        assertThat(portal.select("[data-testid=claim-form]")).hasSize(1);
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path).with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private Document form(MockHttpServletRequestBuilder request, int expected) throws Exception {
        ResultActions result =
                mvc.perform(request.with(signedIn(tenant.owner())).with(csrf())).andExpect(status().is(expected));
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The problem shown beside a field: the field is marked invalid and its feedback follows it. */
    static String besides(Document page, String id) {
        var field = page.getElementById(id);
        assertThat(field).as(id).isNotNull();
        assertThat(field.hasClass("is-invalid")).as(id + " marked invalid").isTrue();
        return field.parent().select(".invalid-feedback").text();
    }

    private long count(String table) {
        return fixtures.count(table, tenant.id());
    }
}
