package dev.canopy.programs;

import static dev.canopy.programs.ProgramFixtures.partnerUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.programs.internal.TierReview;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tiers follow the metrics: a partner is promoted as soon as it qualifies, keeps its tier while below it
 * for the programme's grace period, and moves down after. The daily review runs once a day however
 * many nodes try; the partner follows its progress in the portal.
 */
@CanopyTest
class TiersPromoteAtOnceAndDemoteAfterTheGracePeriod {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    TierReview review;

    @Autowired
    Tiers tiers;

    @Autowired
    MutableClock clock;

    private ProgramFixtures programFixtures;
    private Fixtures.Tenant tenant;
    private ProgramView program;
    private PartnerId partner;
    private String key;

    @BeforeEach
    void aMemberAtTheEntryTier() {
        // A day of its own, years ahead, so no other test's review has claimed it.
        clock.advance(Duration.ofDays(3650 + (long) (Math.random() * 20000)));
        programFixtures = new ProgramFixtures(context);
        tenant = fixtures.newWorkspace();
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        program = programFixtures.program(tenant, "Reseller", PartnerType.RESELLER);
        programFixtures.ladder(tenant, program.id());
        partner = programFixtures.partner(tenant, "Bluebird Consulting");
        programFixtures.enrol(tenant, program.id(), partner);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String tier() {
        return programFixtures
                .as(tenant, () -> context.getBean(Memberships.class).list(program.id(), partner))
                .getFirst()
                .tierName();
    }

    @Test
    void promotedAtOnceDemotedOnlyAfterNinetyDaysBelow() throws Exception {
        assertThat(tier()).isEqualTo("Registered");

        programFixtures.deals(tenant, partner, 5);
        programFixtures.revenue(tenant, partner, "50000");
        mvc.perform(post("/api/v1/programs/" + program.id() + "/evaluate").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.promoted").value(1));
        assertThat(tier()).isEqualTo("Gold");
        mvc.perform(get("/api/v1/memberships")
                        .param("partnerId", partner.toString())
                        .header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data[0].tier").value("Gold"))
                .andExpect(jsonPath("$.data[0].programName").value("Reseller"));

        // A slow quarter: below Gold, but Gold is kept through the grace period.
        programFixtures.deals(tenant, partner, 3);
        assertThat(review.runToday()).isTrue();
        assertThat(review.runToday()).as("once a day").isFalse();
        assertThat(tier()).isEqualTo("Gold");
        mvc.perform(get("/portal/programs").with(partnerUser(tenant, partner)))
                .andExpect(content().string(Matchers.containsString("You keep it until")));

        clock.advance(Duration.ofDays(89));
        assertThat(review.runToday()).isTrue();
        assertThat(tier()).isEqualTo("Gold");

        clock.advance(Duration.ofDays(1));
        assertThat(review.runToday()).isTrue();
        assertThat(tier()).isEqualTo("Silver");

        List<TierChange> history = programFixtures.as(tenant, () -> tiers.history(program.id(), partner));
        assertThat(history)
                .extracting(TierChange::fromTier, TierChange::toTier)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Gold", "Silver"),
                        org.assertj.core.groups.Tuple.tuple("Registered", "Gold"),
                        org.assertj.core.groups.Tuple.tuple(null, "Registered"));
        assertThat(history.getFirst().reason()).contains("90-day grace period");

        // The partner sees its tier and its progress to Gold, metric by metric.
        mvc.perform(get("/portal/programs").with(partnerUser(tenant, partner)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Silver")))
                .andExpect(content().string(Matchers.containsString("<span>Progress to Gold</span>")))
                .andExpect(content().string(Matchers.containsString("3</span></strong>")))
                .andExpect(content().string(Matchers.containsString("<span class=\"text-nowrap\">5</span>")))
                .andExpect(content().string(Matchers.containsString("EUR 50,000")));
    }

    @Test
    void aLateReadingNeverOverwritesANewerOne() {
        programFixtures.deals(tenant, partner, 6);
        tiers.recordMetric(
                tenant.id(),
                new MetricReading(
                        partner,
                        TierMetric.DEALS_WON,
                        BigDecimal.ONE,
                        null,
                        clock.instant().minus(Duration.ofDays(1))));
        programFixtures.revenue(tenant, partner, "50000");
        programFixtures.as(tenant, () -> tiers.evaluate(program.id()));
        assertThat(tier()).isEqualTo("Gold");
    }

    @Test
    void badReadingsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiers.recordMetric(
                        tenant.id(),
                        new MetricReading(partner, TierMetric.DEALS_WON, new BigDecimal("1.5"), "EUR", null)))
                .isInstanceOfSatisfying(
                        dev.canopy.shared.InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(dev.canopy.shared.InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder("value", "currency", "asOf"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiers.recordMetric(
                        tenant.id(),
                        new MetricReading(
                                partner,
                                TierMetric.PARTNER_SOURCED_REVENUE_12M,
                                BigDecimal.TEN,
                                null,
                                clock.instant())))
                .isInstanceOf(dev.canopy.shared.InvalidInputException.class);
        assertThat(fixtures.count("programs_partner_metric", tenant.id())).isZero();
    }

    @Test
    void twoNodesStartingTheDailyReviewTogetherRunItOnce() throws Exception {
        Callable<Boolean> node = review::runToday;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(node);
            var second = pool.submit(node);
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        }
    }
}
