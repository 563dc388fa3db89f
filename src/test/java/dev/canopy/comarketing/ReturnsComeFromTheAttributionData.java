package dev.canopy.comarketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealOutcomes;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.LinkDraft;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.Links;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.TrackingSettings;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * MDF ROI worked out by hand from a scenario: a webinar approved for 2,000 EUR and claimed for 1,500; its tagged link
 * clicked twice — one visitor became a lead, the other a customer who bought for 3,000 and got 500 back; a third
 * click on the partner's untagged link bought for 10,000 (not the webinar's); two deal registrations linked to the
 * webinar (25,000 open, one won for 12,000) and a third not linked. So: spend 1,500; clicks 2; leads 1 + 2 deals = 3;
 * pipeline 25,000 + 12,000 = 37,000; won 2,500 + 12,000 = 14,500; cost per lead 500; ROI (14,500 − 1,500) ÷ 1,500.
 */
@CanopyTest
class ReturnsComeFromTheAttributionData {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    MdfReturns returns;

    @Autowired
    Deals deals;

    @Autowired
    DealOutcomes outcomes;

    @Autowired
    Links links;

    @Autowired
    TrackingSettings trackingSettings;

    @Test
    void aWebinarsReturnIsWhatItsLinksAndDealsBrought() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        TrackingFixtures tracking = new TrackingFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);

        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "5000");
        FundRequestView webinar = mdf.request(member, budget, "2000");
        f.asStaff(tenant, () -> context.getBean(FundRequests.class).approve(webinar.id(), null));
        FundClaimView claim = f.asPartner(
                member,
                () -> context.getBean(FundClaims.class)
                        .submit(webinar.id(), List.of(MdfFixtures.line("Webinar platform", "1500"))));
        f.asStaff(
                tenant,
                () -> context.getBean(FundClaims.class)
                        .review(
                                claim.id(),
                                List.of(new LineReview(
                                        claim.lines().getFirst().id().toString(), "ACCEPTED", null, null))));

        fixtures.as(tenant.owner(), () -> trackingSettings.allowDomain(TrackingFixtures.SHOP));
        LinkView tagged = link(tenant, member, program, webinar.tag());
        LinkView untagged = link(tenant, member, program, null);
        TrackingFixtures.Setup viaTagged = new TrackingFixtures.Setup(tenant, program, member.id(), tagged, key);
        TrackingFixtures.Setup viaUntagged = new TrackingFixtures.Setup(tenant, program, member.id(), untagged, key);
        event(key, "lead", """
                {"id":"lead-1","email":"ann@acme.example","clickId":"%s"}""".formatted(tracking.click(mvc, viaTagged)));
        event(key, "sale", """
                {"id":"s-1","customerExternalId":"c-1","clickId":"%s","invoiceId":"inv-1","amount":"3000","currency":"EUR"}""".formatted(tracking.click(mvc, viaTagged)));
        event(key, "refund", """
                {"id":"r-1","invoiceId":"inv-1","amount":"500","currency":"EUR"}""");
        event(key, "sale", """
                {"id":"s-2","customerExternalId":"c-2","clickId":"%s","invoiceId":"inv-2","amount":"10000","currency":"EUR"}""".formatted(tracking.click(mvc, viaUntagged)));

        DealView open = approved(f, tenant, member, program, "Initech", "initech.com");
        DealView won = approved(f, tenant, member, program, "Globex", "globex.com");
        f.asStaff(tenant, () -> outcomes.markWon(won.id(), "12000", ""));
        approved(f, tenant, member, program, "Umbrella", "umbrella.example");
        f.asPartner(member, () -> returns.link(webinar.id(), open.id().toString()));
        f.asStaff(tenant, () -> returns.link(webinar.id(), won.id().toString()));
        mvc.perform(delete("/api/v1/mdf/requests/" + webinar.id() + "/deals/" + open.id())
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leads").value(2));
        mvc.perform(post("/api/v1/mdf/requests/" + webinar.id() + "/deals")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dealId\":\"" + open.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pipeline.amount").value("37000.00"));

        ActivityReturn r = f.asStaff(tenant, () -> returns.of(webinar.id()));
        assertThat(r.spend()).isEqualTo(Money.of("1500", "EUR"));
        assertThat(r.clicks()).isEqualTo(2);
        assertThat(r.leads()).isEqualTo(3);
        assertThat(r.pipeline()).isEqualTo(Money.of("37000", "EUR"));
        assertThat(r.won()).isEqualTo(Money.of("14500", "EUR"));
        assertThat(r.costPerLead()).isEqualTo(Money.of("500", "EUR"));
        assertThat(r.roi()).isEqualByComparingTo(new BigDecimal("8.6667"));

        mvc.perform(get("/api/v1/mdf/returns").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activities[0].roi").value("8.6667"))
                .andExpect(jsonPath("$.activities[0].costPerLead.amount").value("500.00"))
                .andExpect(jsonPath("$.activityTypes[0].label").value("Webinar"));
        MdfReturns.Report report = f.asStaff(tenant, returns::report);
        assertThat(report.activities()).singleElement().isEqualTo(r);
        assertThat(report.types()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo("Webinar");
            assertThat(t.won()).isEqualTo(Money.of("14500", "EUR"));
        });
        assertThat(report.partners())
                .singleElement()
                .satisfies(p -> assertThat(p.partnerId()).isEqualTo(member.id()));
        assertThat(f.asPartner(member, returns::report).activities())
                .singleElement()
                .isEqualTo(r);
    }

    @Test
    void aDealCountsForOneActivityOfItsOwnPartner() {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        DealFixtures.Member other = f.member(tenant, program);
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "5000");
        FundRequestView first = mdf.request(member, budget, "100");
        FundRequestView second = mdf.request(member, budget, "100");
        f.asStaff(tenant, () -> context.getBean(FundRequests.class).approve(first.id(), null));
        f.asStaff(tenant, () -> context.getBean(FundRequests.class).approve(second.id(), null));
        DealView mine = f.register(member, program, "Initech", "initech.com");
        DealView theirs = f.register(other, program, "Hooli", "hooli.example");

        f.asPartner(member, () -> returns.link(first.id(), mine.id().toString()));
        assertThatThrownBy(() -> f.asPartner(
                        member, () -> returns.link(second.id(), mine.id().toString())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.asPartner(
                        member, () -> returns.link(first.id(), theirs.id().toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dealId");
        assertThatThrownBy(() -> f.asStaff(
                        tenant, () -> returns.link(first.id(), theirs.id().toString())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> f.asPartner(
                        other, () -> returns.link(first.id(), theirs.id().toString())))
                .isInstanceOf(dev.canopy.shared.NotFoundException.class);
        assertThat(f.asPartner(member, () -> returns.unlink(first.id(), mine.id()))
                        .leads())
                .isZero();
        assertThat(f.asPartner(member, () -> returns.link(second.id(), mine.id().toString()))
                        .leads())
                .isEqualTo(1);
    }

    @Test
    void theRequestPagesShowTheReturnAndCountDeals() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "5000");
        FundRequestView webinar = mdf.request(member, budget, "2000");
        f.asStaff(tenant, () -> context.getBean(FundRequests.class).approve(webinar.id(), null));
        DealView won = approved(f, tenant, member, program, "Globex", "globex.com");
        f.asStaff(tenant, () -> outcomes.markWon(won.id(), "12000", ""));

        mvc.perform(post("/portal/funds/requests/" + webinar.id() + "/deals")
                        .with(f.portal(member))
                        .with(csrf())
                        .param("dealId", "not-a-deal"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a deal registration")));
        mvc.perform(post("/portal/funds/requests/" + webinar.id() + "/deals")
                        .with(f.portal(member))
                        .with(csrf())
                        .param("dealId", won.id().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal/funds/requests/" + webinar.id()).with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"linked-deal\"")))
                .andExpect(content().string(containsString("12,000.00")));
        mvc.perform(get("/app/mdf/requests/" + webinar.id()).with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"activity-results\"")))
                .andExpect(content().string(containsString("Globex")));
        mvc.perform(get("/app/mdf/returns").with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"returns-types\"")))
                .andExpect(content().string(containsString(webinar.reference())));
        mvc.perform(post("/app/mdf/requests/" + webinar.id() + "/deals/" + won.id() + "/remove")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.asStaff(tenant, () -> returns.of(webinar.id())).leads()).isZero();
    }

    private DealView approved(
            DealFixtures f,
            Fixtures.Tenant tenant,
            DealFixtures.Member member,
            ProgramView program,
            String account,
            String website) {
        DealView deal = f.register(member, program, account, website);
        return f.asStaff(tenant, () -> deals.approve(deal.id()));
    }

    private LinkView link(Fixtures.Tenant tenant, DealFixtures.Member member, ProgramView program, String campaign) {
        return fixtures.as(
                tenant.owner(),
                () -> links.create(new LinkDraft(
                        member.id().toString(),
                        program.id().toString(),
                        Fixtures.unique("l").toLowerCase(java.util.Locale.ROOT),
                        "https://www." + TrackingFixtures.SHOP + "/pricing",
                        "partner",
                        "referral",
                        campaign,
                        null,
                        null)));
    }

    private void event(String key, String kind, String body) throws Exception {
        mvc.perform(post("/api/v1/events/" + kind)
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }
}
