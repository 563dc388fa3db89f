package dev.canopy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.campaigns.internal.CampaignTriggers;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.PartnerUserJoined;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.TrackingSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Seven days after joining with no lead": two partner users join; one's company then brings a lead through its link.
 * Before the seventh day nobody is mailed; on it only the user of the company with no lead is, and once, however often
 * the hourly check runs.
 */
@CanopyTest
class UsersWithoutALeadAreNudgedAfterTheirDays {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignDelivery delivery;

    @Autowired
    CampaignTriggers triggers;

    @Autowired
    TrackingSettings trackingSettings;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyTheUserWhoseCompanyBroughtNoLeadIsNudgedOnce() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.deals().program(tenant);
        String subject = "Your first lead " + Fixtures.unique("n");
        CampaignInput input = CampaignFixtures.input(
                subject, "NO_LEAD_AFTER_DAYS", List.of(program.id().value().toString()));
        CampaignView nudge = f.draft(
                tenant,
                new CampaignInput(
                        input.name(),
                        input.subject(),
                        input.body(),
                        input.trigger(),
                        "7",
                        input.match(),
                        input.programIds(),
                        input.tierIds(),
                        input.partnerTypes(),
                        input.regions(),
                        input.partnerIds()));
        f.deals().asStaff(tenant, () -> campaigns.activate(nudge.id()));
        DealFixtures.Member quiet = f.deals().member(tenant, program);
        DealFixtures.Member busy = f.deals().member(tenant, program);
        join(tenant, quiet.email());
        join(tenant, busy.email());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(db.sql("select count(*) from campaigns_joined where workspace_id = ?")
                                .param(tenant.id().value())
                                .query(Long.class)
                                .single())
                        .isEqualTo(2));
        lead(tenant, program, busy);

        clock.advance(Duration.ofDays(6));
        triggers.noLead();
        delivery.run();
        assertThat(f.messages(tenant, subject)).as("not yet seven days").isEmpty();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        triggers.noLead();
        triggers.noLead();
        delivery.run();
        clock.advance(Duration.ofHours(1));
        triggers.noLead();
        delivery.run();

        assertThat(f.messages(tenant, subject))
                .extracting(MailSink.SinkMessage::to)
                .containsExactly(quiet.email());
    }

    private void join(Fixtures.Tenant tenant, String email) {
        UUID user = db.sql("select id from identity_partner_user where email = ?")
                .param(email)
                .query(UUID.class)
                .single();
        UUID partner = fixtures.partnerOf(email).value();
        transactions.executeWithoutResult(
                tx -> events.publishEvent(new PartnerUserJoined(tenant.id(), partner, user, "Partner Person")));
    }

    /** A visitor clicks the partner's link and signs up: a lead attributed to it. */
    private void lead(Fixtures.Tenant tenant, ProgramView program, DealFixtures.Member member) throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        fixtures.as(tenant.owner(), () -> trackingSettings.allowDomain(TrackingFixtures.SHOP));
        LinkView link = tracking.link(tenant, member.id(), program, "https://www." + TrackingFixtures.SHOP + "/");
        UUID click = tracking.click(mvc, new TrackingFixtures.Setup(tenant, program, member.id(), link, key));
        mvc.perform(post("/api/v1/events/lead")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id":"lead-1","email":"ann@acme.example","clickId":"%s"}""".formatted(click)))
                .andExpect(status().isCreated());
    }
}
