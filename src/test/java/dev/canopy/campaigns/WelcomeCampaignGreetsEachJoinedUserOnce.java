package dev.canopy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.PartnerUserJoined;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A "Welcome" campaign switched on for partners joining: a user of a programme's partner who joins is greeted once,
 * even when the event comes twice; a user of a partner outside the campaign's segment is not greeted.
 */
@CanopyTest
class WelcomeCampaignGreetsEachJoinedUserOnce {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignDelivery delivery;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Test
    void aJoinedUserIsWelcomedOnce() {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.deals().program(tenant);
        String subject = "Welcome " + Fixtures.unique("w");
        CampaignView welcome = f.draft(
                tenant,
                CampaignFixtures.input(
                        subject, "PARTNER_JOINED", List.of(program.id().value().toString())));
        f.deals().asStaff(tenant, () -> campaigns.activate(welcome.id()));
        DealFixtures.Member member = f.deals().member(tenant, program);
        String outsider = fixtures.partnerUser(tenant);

        join(tenant, member.email());
        join(tenant, member.email());
        join(tenant, outsider);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(db.sql("select count(*) from campaigns_recipient where campaign_id = ?")
                                .param(welcome.id())
                                .query(Long.class)
                                .single())
                        .isOne());
        delivery.run();
        delivery.run();

        assertThat(f.messages(tenant, subject))
                .extracting(MailSink.SinkMessage::to)
                .containsExactly(member.email());
        assertThat(f.deals().asStaff(tenant, () -> campaigns.get(welcome.id())).status())
                .as("a triggered campaign stays on")
                .isEqualTo(CampaignStatus.ACTIVE);
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
}
