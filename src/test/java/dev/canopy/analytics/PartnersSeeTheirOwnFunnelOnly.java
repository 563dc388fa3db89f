package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner's Performance page shows its own clicks, leads and revenue and its rank band, never another
 * partner's name or figures; a vendor's staff cannot open it.
 */
@CanopyTest
class PartnersSeeTheirOwnFunnelOnly {

    private static final java.time.Instant EIGHTEENTH = java.time.Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClickTable clicks;

    @Autowired
    JdbcClient db;

    @Autowired
    Workspaces workspaces;

    /** The figures are worked out for 18 November 2026, whatever day the suite runs as of. */
    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(EIGHTEENTH);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void ownFiguresAndABandNotAnotherPartnersNumbers() throws Exception {
        Two two = twoPartners();
        TrackingFixtures.Setup setup = two.setup();
        DealFixtures deals = two.deals();
        DealFixtures.Member ann = two.ann();
        DealFixtures.Member bob = two.bob();
        fixtures.as(setup.tenant().owner(), () -> {
            WorkspaceView w = workspaces.current();
            return workspaces.update(new Workspaces.Settings(w.name(), null, "UTC", "EUR"));
        });
        clicksOf(setup, ann.id(), two.annsLink(), 7);
        clicksOf(setup, bob.id(), two.bobsLink(), 31);
        String bobsRef = db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(bob.id().value())
                .query(String.class)
                .single();
        mvc.perform(post("/api/v1/events/sale")
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"s1\",\"customerExternalId\":\"c1\",\"partnerRef\":\"" + bobsRef
                                + "\",\"invoiceId\":\"i1\",\"amount\":\"4321.00\",\"currency\":\"EUR\","
                                + "\"occurredAt\":\"2026-11-10T10:00:00Z\"}"))
                .andExpect(status().isCreated());
        String bobsName = db.sql("select name from partners_partner where id = ?")
                .param(bob.id().value())
                .query(String.class)
                .single();

        String annsPage = performance(deals, ann);
        assertThat(annsPage)
                .contains("data-testid=\"value\">7<")
                .contains("Bottom half")
                .contains("of 2 active")
                .doesNotContain(bobsName)
                .doesNotContain("4,321.00")
                .doesNotContain(">31<");

        String bobsPage = performance(deals, bob);
        assertThat(bobsPage).contains("Top 10 %").contains("4,321.00 EUR").contains("data-testid=\"value\">31<");

        mvc.perform(get("/portal/analytics")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isForbidden());
    }

    /** Everyone's standing is read once for all of a workspace's partners, and again a minute later at most. */
    @Test
    void aRankBandIsAtMostAMinuteOld() throws Exception {
        Two two = twoPartners();
        clicksOf(two.setup(), two.ann().id(), two.annsLink(), 9);
        clicksOf(two.setup(), two.bob().id(), two.bobsLink(), 3);
        assertThat(performance(two.deals(), two.bob())).contains("Bottom half");

        clicksOf(two.setup(), two.bob().id(), two.bobsLink(), 20);
        clock.advance(Analytics.STANDING_FOR.minusSeconds(5));
        assertThat(performance(two.deals(), two.bob()))
                .as("within the minute")
                .contains("Bottom half")
                .contains(">23<");
        clock.advance(java.time.Duration.ofSeconds(10));
        assertThat(performance(two.deals(), two.bob())).as("a minute on").contains("Top 10 %");
    }

    /** Two partners, Ann and Bob, in one programme, each with a link. */
    private record Two(
            TrackingFixtures.Setup setup,
            DealFixtures deals,
            DealFixtures.Member ann,
            DealFixtures.Member bob,
            UUID annsLink,
            UUID bobsLink) {}

    private Two twoPartners() {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        DealFixtures deals = new DealFixtures(context);
        DealFixtures.Member ann = deals.member(setup.tenant(), setup.program());
        DealFixtures.Member bob = deals.member(setup.tenant(), setup.program());
        String shop = "https://www." + TrackingFixtures.SHOP + "/";
        return new Two(
                setup,
                deals,
                ann,
                bob,
                tracking.link(setup.tenant(), ann.id(), setup.program(), shop)
                        .id()
                        .value(),
                tracking.link(setup.tenant(), bob.id(), setup.program(), shop)
                        .id()
                        .value());
    }

    /** The partner's Performance page for 1–18 November. */
    private String performance(DealFixtures deals, DealFixtures.Member partner) throws Exception {
        return mvc.perform(get("/portal/analytics")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .with(deals.portal(partner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void clicksOf(TrackingFixtures.Setup setup, PartnerId partner, UUID link, int count) {
        List<Click> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Click(
                    UUID.randomUUID(),
                    setup.tenant().id(),
                    link,
                    partner.value(),
                    setup.program().id().value(),
                    Instant.parse("2026-11-05T09:00:00Z"),
                    "v" + i,
                    "203.0.113.7",
                    "Mozilla/5.0 Firefox/140.0",
                    null,
                    null));
        }
        clicks.insert(batch);
    }
}
