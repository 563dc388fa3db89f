package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.AccountStatus;
import dev.canopy.deals.DealConflict;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealOutcomes;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.MappedAccount;
import dev.canopy.deals.Sourcing;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tracking's customers are the vendor's customers for deal conflicts and account mapping, and a
 * partner's clicks that brought an account's customer are evidence that the partner sourced its deal.
 */
@CanopyTest
class TrackingFeedsDealConflictsAndSourcing {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Deals deals;

    @Autowired
    DealOutcomes outcomes;

    @Autowired
    AccountMapping mapping;

    private TrackingFixtures tracking;
    private TrackingFixtures.Setup setup;
    private DealFixtures dealFixtures;
    private DealFixtures.Member reseller;

    @BeforeEach
    void setUp() {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
        dealFixtures = new DealFixtures(context);
        reseller = dealFixtures.member(setup.tenant(), setup.program());
    }

    @AfterEach
    void timeGoesBackToNormal() {
        clock.reset();
    }

    @Test
    void aPayingCustomerConflictsWithARegistrationAndMakesTheWinInfluenced() throws Exception {
        String domain = domain("soylent");
        sale("customer-42", "Soylent Corp", "buyer@" + domain, clock.instant().minus(Duration.ofDays(100)));

        DealView deal = dealFixtures.register(reseller, setup.program(), "Soylent", "www." + domain);

        assertThat(dealFixtures.asStaff(setup.tenant(), () -> deals.conflicts(deal.id())))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.source()).isEqualTo(DealConflict.Source.CUSTOMER);
                    assertThat(c.matchedRef()).isEqualTo("customer-42");
                });
        dealFixtures.asStaff(setup.tenant(), () -> deals.approve(deal.id()));
        DealView won = dealFixtures.asStaff(setup.tenant(), () -> outcomes.markWon(deal.id(), "", ""));
        assertThat(won.sourcing()).isEqualTo(Sourcing.INFLUENCED);
        assertThat(won.sourcingEvidence().opportunitySource()).contains("customer-42");
        assertThat(dealFixtures.asStaff(setup.tenant(), () -> mapping.addKnownCustomers()))
                .isEqualTo(1);
        assertThat(dealFixtures.asStaff(setup.tenant(), () -> mapping.vendorAccounts()))
                .contains(new MappedAccount("Soylent Corp", domain, AccountStatus.CUSTOMER));
    }

    @Test
    void aClickThatBroughtTheAccountBeforeTheOpportunityMakesTheWinPartnerSourced() throws Exception {
        String domain = domain("brawndo");
        LinkView link = tracking.link(setup.tenant(), reseller.id(), setup.program(), "https://shop.example/");
        String location = mvc.perform(get("/r/" + setup.tenant().slug() + "/" + link.slug())
                        .header("User-Agent", "Mozilla/5.0 (Macintosh) Safari/605.1 " + UUID.randomUUID()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        UUID click = UUID.fromString(location.replaceFirst(".*[?&]cnp_click=([^&#]+).*", "$1"));
        tracking.awaitStored(click);
        mvc.perform(post("/api/v1/events/lead")
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"b-1\",\"email\":\"ops@" + domain + "\",\"clickId\":\"" + click + "\"}"))
                .andExpect(status().isCreated());
        clock.advance(Duration.ofDays(10));
        DealView deal = dealFixtures.register(reseller, setup.program(), "Brawndo", domain);
        dealFixtures.asStaff(setup.tenant(), () -> deals.approve(deal.id()));
        String fiveDaysAgo = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minusDays(5)
                .toString();

        DealView won = dealFixtures.asStaff(setup.tenant(), () -> outcomes.markWon(deal.id(), "", fiveDaysAgo));

        assertThat(won.sourcing()).isEqualTo(Sourcing.SOURCED);
        assertThat(won.sourcingEvidence().actions())
                .extracting(SourcingEvidence.PartnerAction::kind)
                .containsExactly("CLICK", "REGISTRATION");
    }

    private void sale(String customer, String name, String email, java.time.Instant at) throws Exception {
        mvc.perform(post("/api/v1/events/sale")
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id":"%s-paid","customerExternalId":"%s","name":"%s","email":"%s","invoiceId":"%s-inv",
                                 "amount":"500","currency":"EUR","occurredAt":"%s"}""".formatted(customer, customer, name, email, customer, at)))
                .andExpect(status().isCreated());
    }

    private static String domain(String name) {
        return Fixtures.unique(name).toLowerCase(Locale.ROOT) + ".com";
    }
}
