package dev.canopy.comarketing;

import static dev.canopy.comarketing.StaffRunFundsThroughTheConsole.besides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.SampleFiles;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A partner in the portal sees its balance, requests funds (refused beside the planned cost when over what is left
 * of its allocation), claims the approved request with a receipt per line (empty lines ignored, a problem put back
 * beside the line it was typed on), reads the review; another partner never opens its request or its receipts.
 */
@CanopyTest
class PartnersRequestAndClaimFundsInThePortal {

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

    DealFixtures f;
    MdfFixtures mdf;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member member;
    BudgetView budget;

    @BeforeEach
    void aPartnerWithAnAllocation() {
        f = new DealFixtures(context);
        mdf = new MdfFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        member = f.member(tenant, program);
        budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "3000");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPartnerRequestsClaimsWithReceiptsAndReadsTheReview() throws Exception {
        Document funds = page(member, "/portal/funds");
        assertThat(funds.select("[data-testid=balance-card]").text())
                .contains(budget.name())
                .contains("3,000.00 EUR");
        assertThat(funds.select("[data-testid=use-by]").text()).contains("Use it or lose it");

        Document over = form(member, request("3500"), 400);
        assertThat(besides(over, "plannedCost")).contains("left");
        assertThat(over.getElementById("title").val()).isEqualTo("Cloud migration webinar");
        assertThat(f.asPartner(member, () -> requests.list(null))).isEmpty();

        String at = mvc.perform(request("2000").with(f.portal(member)).with(csrf()))
                .andExpect(redirectedUrlPattern("/portal/funds/requests/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        FundRequestView sent = f.asPartner(member, () -> requests.list(null)).getFirst();
        assertThat(page(member, at).select("[data-testid=request-status]").text())
                .isEqualTo("Waiting for approval");
        assertThat(page(member, "/portal/funds")
                        .select("[data-testid=my-requests]")
                        .text())
                .contains("Cloud migration webinar");

        f.asStaff(tenant, () -> requests.approve(sent.id(), "1800"));
        Document approved = page(member, at);
        assertThat(approved.select("[data-testid=claim-form]")).hasSize(1);
        assertThat(approved.select("[data-testid=claim-due]").text()).isNotBlank();

        Document nothing = form(
                member,
                multipart(at + "/claim").param("lines[0].description", "").param("lines[0].amount", ""),
                400);
        assertThat(nothing.select("[data-testid=lines-error]").text()).isNotBlank();
        mvc.perform(multipart(at + "/claim")
                        .param("lines[2].description", "Ads")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flashError"));

        Document missingReceipt = Jsoup.parse(mvc.perform(multipart(at + "/claim")
                        .file(receipt(0, "platform.pdf"))
                        .param("lines[0].description", "Webinar platform")
                        .param("lines[0].amount", "1000")
                        .param("lines[1].description", "")
                        .param("lines[1].amount", "")
                        .param("lines[2].description", "Ads")
                        .param("lines[2].amount", "700")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(missingReceipt
                        .getElementById("lines2.receipt")
                        .parent()
                        .select(".invalid-feedback")
                        .text())
                .contains("Attach the receipt");
        assertThat(missingReceipt.getElementById("lines2.description").val()).isEqualTo("Ads");
        assertThat(f.asPartner(member, () -> claims.ofRequest(sent.id()))).isNull();

        mvc.perform(multipart(at + "/claim")
                        .file(receipt(0, "platform.pdf"))
                        .file(receipt(2, "ads.pdf"))
                        .param("lines[0].description", "Webinar platform")
                        .param("lines[0].amount", "1000")
                        .param("lines[1].description", "")
                        .param("lines[1].amount", "")
                        .param("lines[2].description", "Ads")
                        .param("lines[2].amount", "700")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        FundClaimView claim = f.asPartner(member, () -> claims.ofRequest(sent.id()));
        assertThat(claim.claimed()).isEqualTo(Money.of("1700", "EUR"));
        Document claimed = page(member, at);
        assertThat(claimed.select("[data-testid=claim-line]")).hasSize(2);
        String receipt = claimed.select("[data-testid=claim-line] a").first().attr("href");
        mvc.perform(get(receipt).with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));

        f.asStaff(
                tenant,
                () -> claims.review(
                        claim.id(),
                        List.of(
                                new LineReview(
                                        claim.lines().get(0).id().toString(), "REDUCED", "800", "Rate card is 800"),
                                new LineReview(claim.lines().get(1).id().toString(), "ACCEPTED", null, null))));
        Document reviewed = page(member, at);
        assertThat(reviewed.select("[data-testid=claim-status]").text()).isEqualTo("Approved, to be paid");
        assertThat(reviewed.select("[data-testid=line-reason]").text()).isEqualTo("Rate card is 800");
        assertThat(reviewed.select("[data-testid=claim-approved]").text()).contains("1,500.00 EUR");
        assertThat(page(member, "/portal/funds")
                        .select("[data-testid=request-claim]")
                        .text())
                .as("the list says where the claim stands, no longer the deadline it met")
                .isEqualTo("Approved, to be paid");
    }

    @Test
    void aWaitingRequestIsWithdrawnAndAnApprovedOneAsksForMoreTimeInThePartnersLanguage() throws Exception {
        FundRequestView waiting = mdf.request(member, budget, "500");
        String at = "/portal/funds/requests/" + waiting.id();
        mvc.perform(post(at + "/cancel").with(f.portal(member)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(member, at).select("[data-testid=request-status]").text())
                .isEqualTo("Withdrawn");

        FundRequestView approved = mdf.request(member, budget, "700");
        f.asStaff(tenant, () -> requests.approve(approved.id(), null));
        String other = "/portal/funds/requests/" + approved.id();
        assertThat(besides(form(member, post(other + "/extension").param("reason", ""), 400), "reason"))
                .isNotBlank();
        mvc.perform(post(other + "/extension")
                        .param("reason", "The invoice comes late")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.asStaff(tenant, () -> requests.get(approved.id())).extensionReason())
                .isEqualTo("The invoice comes late");

        String german = mvc.perform(get(other).locale(Locale.GERMAN).with(f.portal(member)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(german).contains("Ausgaben abrechnen").contains("Genehmigt");
    }

    @Test
    void anotherPartnerNeverOpensARequestOrItsReceipts() throws Exception {
        DealFixtures.Member other = f.member(tenant, program);
        FundRequestView mine = mdf.request(member, budget, "900");
        f.asStaff(tenant, () -> requests.approve(mine.id(), null));
        FundClaimView claim =
                f.asPartner(member, () -> claims.submit(mine.id(), List.of(MdfFixtures.line("Booth", "900"))));
        String at = "/portal/funds/requests/" + mine.id();

        mvc.perform(get(at).with(f.portal(other))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/funds/claims/" + claim.id() + "/lines/"
                                + claim.lines().getFirst().id() + "/receipt")
                        .with(f.portal(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post(at + "/cancel").with(f.portal(other)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(at + "/extension")
                        .param("reason", "Mine now")
                        .with(f.portal(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page(other, "/portal/funds").text()).doesNotContain(mine.reference());
        assertThat(f.asStaff(tenant, () -> requests.get(mine.id())).extensionReason())
                .isNull();
    }

    private MockHttpServletRequestBuilder request(String cost) {
        FundRequestInput in = MdfFixtures.activity(budget, cost, mdf.today());
        return post("/portal/funds")
                .param("budgetId", in.budgetId())
                .param("activityType", in.activityType())
                .param("title", in.title())
                .param("description", in.description())
                .param("startsOn", in.startsOn())
                .param("endsOn", in.endsOn())
                .param("plannedCost", in.plannedCost())
                .param("expectedLeads", in.expectedLeads());
    }

    private static MockMultipartFile receipt(int line, String name) {
        return new MockMultipartFile(
                "lines[" + line + "].receipt", name, "application/pdf", SampleFiles.pdf("Invoice " + name));
    }

    private Document page(DealFixtures.Member who, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(f.portal(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private Document form(DealFixtures.Member who, AbstractMockHttpServletRequestBuilder<?> request, int expected)
            throws Exception {
        return Jsoup.parse(mvc.perform(request.with(f.portal(who)).with(csrf()))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
