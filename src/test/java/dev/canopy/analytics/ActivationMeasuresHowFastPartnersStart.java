package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.CertificationsForTests;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Activation worked out by hand: two partners approved in November reach their first lead after 2 and 10 days
 * (median 6), one its first deal after 4 and its first sale after 7; one approved in August is not counted and,
 * having done nothing since, is dormant among the three active.
 */
@CanopyTest
class ActivationMeasuresHowFastPartnersStart {

    private static final java.time.Instant EIGHTEENTH = java.time.Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Analytics analytics;

    @Autowired
    JdbcClient db;

    @Autowired
    CertificationsForTests certifications;

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
    void firstLeadDealAndSaleAfterApproval() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        DealFixtures deals = new DealFixtures(context);
        at("2026-08-01");
        deals.member(setup.tenant(), setup.program());
        at("2026-11-02");
        DealFixtures.Member ann = deals.member(setup.tenant(), setup.program());
        at("2026-11-03");
        DealFixtures.Member bob = deals.member(setup.tenant(), setup.program());
        tracking.link(setup.tenant(), ann.id(), setup.program(), "https://www." + TrackingFixtures.SHOP + "/");
        tracking.link(setup.tenant(), bob.id(), setup.program(), "https://www." + TrackingFixtures.SHOP + "/");
        at("2026-11-06");
        deals.register(ann, setup.program(), "Acme Industries", "https://acme-industries.example");
        clock.setTo(EIGHTEENTH);
        send(
                setup,
                "lead",
                "{\"id\":\"l1\",\"customerExternalId\":\"c1\",\"partnerRef\":\"" + ref(ann)
                        + "\",\"occurredAt\":\"2026-11-04T10:00:00Z\"}");
        send(
                setup,
                "sale",
                "{\"id\":\"s1\",\"customerExternalId\":\"c1\",\"invoiceId\":\"i1\",\"amount\":\"10.00\","
                        + "\"currency\":\"EUR\",\"occurredAt\":\"2026-11-09T10:00:00Z\"}");
        send(
                setup,
                "lead",
                "{\"id\":\"l2\",\"customerExternalId\":\"c2\",\"partnerRef\":\"" + ref(bob)
                        + "\",\"occurredAt\":\"2026-11-13T10:00:00Z\"}");

        ActivationReport report = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.activation(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null)));

        assertThat(report.approved()).isEqualTo(2);
        assertThat(report.lead()).isEqualTo(new ActivationReport.Step(2, new BigDecimal("6.0")));
        assertThat(report.deal()).isEqualTo(new ActivationReport.Step(1, new BigDecimal("4.0")));
        assertThat(report.sale()).isEqualTo(new ActivationReport.Step(1, new BigDecimal("7.0")));
        assertThat(report.active()).isEqualTo(3);
        assertThat(report.dormant()).isEqualTo(1);
        assertThat(report.workingShare()).contains(new BigDecimal("66.7"));
        assertThat(report.certifiedPeople()).as("nobody certifies people here").isZero();
        assertThat(report.certifiedPerActivePartner()).contains(new BigDecimal("0.0"));
    }

    /** Three certified at one partner and one at another, both active: 4 people, 2.0 an active partner. */
    @Test
    void certifiedPeopleAreCountedPerActivePartnerAndKeepToTheFilter() throws Exception {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();
        DealFixtures deals = new DealFixtures(context);
        DealFixtures.Member ann = deals.member(setup.tenant(), setup.program());
        DealFixtures.Member bob = deals.member(setup.tenant(), setup.program());
        certifications.certify(setup.tenant().id(), ann.id(), 3);
        certifications.certify(setup.tenant().id(), bob.id(), 1);
        Period november = new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18"));

        ActivationReport everyone =
                fixtures.as(setup.tenant().owner(), () -> analytics.activation(new FunnelQuery(november, null, null)));
        ActivationReport annOnly = fixtures.as(
                setup.tenant().owner(), () -> analytics.activation(new FunnelQuery(november, null, ann.id())));

        assertThat(everyone.active()).isEqualTo(2);
        assertThat(everyone.certifiedPeople()).isEqualTo(4);
        assertThat(everyone.certifiedPartners()).isEqualTo(2);
        assertThat(everyone.certifiedPerActivePartner()).contains(new BigDecimal("2.0"));
        assertThat(annOnly.certifiedPeople()).isEqualTo(3);
        assertThat(annOnly.certifiedPartners()).isEqualTo(1);
        String page = mvc.perform(get("/app/analytics")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(Kpi.CERTIFIED_PEOPLE.label()).contains("at 2 partners; 2.0 per active partner");
    }

    private void at(String day) {
        clock.setTo(Instant.parse(day + "T10:00:00Z"));
    }

    private String ref(DealFixtures.Member member) {
        return db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(member.id().value())
                .query(String.class)
                .single();
    }

    private void send(TrackingFixtures.Setup setup, String kind, String json) throws Exception {
        mvc.perform(post("/api/v1/events/" + kind)
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is2xxSuccessful());
    }
}
