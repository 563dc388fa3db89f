package dev.canopy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Actor;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A workspace that stops campaigns above 20 % bounced after 4 sent: six members, four mailed, one bounce reported by
 * the provider's webhook (25 %) stops the campaign, and the next job runs mail the other two never.
 */
@CanopyTest
class BouncesAboveTheThresholdStopTheCampaign {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignDelivery delivery;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Test
    void oneBounceInFourStopsTheRemainingSends() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        db.sql(
                        "insert into campaigns_settings (workspace_id, bounce_stop_percent, bounce_stop_after) values (?, 20, 4)")
                .param(tenant.id().value())
                .update();
        ProgramView program = f.deals().program(tenant);
        for (int i = 0; i < 6; i++) {
            f.deals().member(tenant, program);
        }
        String subject = "Bouncy " + Fixtures.unique("b");
        CampaignView campaign = f.draft(tenant, CampaignFixtures.toProgram(subject, program));
        f.deals().asStaff(tenant, () -> campaigns.sendNow(campaign.id()));
        assertThat(AsSystem.in(tenant.id(), Actor.system(), () -> delivery.deliver(tenant.id(), campaign.id(), 4)))
                .isEqualTo(4);
        String bounced = db.sql("""
                        select message_id from campaigns_recipient where campaign_id = ? and status = 'SENT' limit 1
                        """).param(campaign.id()).query(String.class).single();

        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(post("/api/v1/campaigns/bounces")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messageId\":\"" + bounced + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaignId").value(campaign.id().toString()))
                .andExpect(jsonPath("$.stoppedBecause").value(org.hamcrest.Matchers.containsString("1 of 4")));
        delivery.run();
        delivery.run();

        assertThat(f.messages(tenant, subject)).hasSize(4);
        CampaignView stopped = f.deals().asStaff(tenant, () -> campaigns.get(campaign.id()));
        assertThat(stopped.status()).isEqualTo(CampaignStatus.STOPPED);
        assertThat(stopped.stoppedReason()).contains("more than 20 %");
        CampaignReport report = f.report(tenant, campaign.id());
        assertThat(report.sent()).isEqualTo(4);
        assertThat(report.bounced()).isOne();
        assertThat(report.bounceRate()).isEqualByComparingTo("25.0");
        assertThat(report.waiting()).as("never mailed").isEqualTo(2);
        assertThat(f.deals().asStaff(tenant, () -> campaigns.recipients(campaign.id())))
                .extracting(RecipientView::status)
                .containsOnlyOnceElementsOf(List.of(RecipientStatus.BOUNCED));

        mvc.perform(post("/api/v1/campaigns/bounces")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messageId\":\"<nobody@nowhere>\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/campaigns/bounces")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("messageId"));
    }
}
