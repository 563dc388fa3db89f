package dev.canopy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.communications.Delivery;
import dev.canopy.communications.NotificationKind;
import dev.canopy.communications.NotificationPreferences;
import dev.canopy.deals.DealFixtures;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A programme's three partners and one outside it: the campaign mails the members who take announcements by e-mail,
 * once each, however often it is sent or the job runs; one clicks "unsubscribe" in their mail client (one POST, no
 * session, no CSRF token) and the next campaign skips them; the one who chose the digest is skipped every time.
 */
@CanopyTest
class CampaignToASegmentReachesEachMemberOnce {

    private static final Pattern LINK = Pattern.compile("<(https?://[^>]+/campaigns/unsubscribe/([^>]+))>");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignDelivery delivery;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Test
    void membersOnceUnsubscribesAndPreferencesHonoured() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.deals().program(tenant);
        DealFixtures.Member reader = f.deals().member(tenant, program);
        DealFixtures.Member leaver = f.deals().member(tenant, program);
        DealFixtures.Member digester = f.deals().member(tenant, program);
        String outsider = fixtures.partnerUser(tenant);
        preferences.choose(
                tenant.id(), userId(digester.email()), NotificationKind.ANNOUNCEMENTS, Delivery.DAILY_DIGEST);

        String subject = "Spring news " + Fixtures.unique("s");
        CampaignView first = f.sent(tenant, CampaignFixtures.toProgram(subject, program));

        List<MailSink.SinkMessage> mailed = f.messages(tenant, subject);
        assertThat(mailed)
                .extracting(MailSink.SinkMessage::to)
                .containsExactlyInAnyOrder(reader.email(), leaver.email());
        assertThat(mailed).extracting(MailSink.SinkMessage::to).doesNotContain(outsider, digester.email());
        assertThat(mailed.getFirst().text())
                .contains("Hello Partner Person of Partner ")
                .contains("News for **");
        CampaignReport report = f.report(tenant, first.id());
        assertThat(report.recipients()).isEqualTo(3);
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.skippedPreference()).isEqualTo(1);
        assertThat(f.deals().asStaff(tenant, () -> campaigns.get(first.id())).status())
                .isEqualTo(CampaignStatus.SENT);

        // Again: a second job run and a second "send" mail nobody.
        delivery.run();
        assertThatThrownBy(() -> f.deals().asStaff(tenant, () -> campaigns.sendNow(first.id())))
                .isInstanceOf(ConflictException.class);
        delivery.run();
        assertThat(f.messages(tenant, subject)).hasSize(2);

        // The mail carries RFC 8058's headers; the one-click POST needs no session and no CSRF token.
        MailSink.SinkMessage toLeaver = mailed.stream()
                .filter(m -> m.to().equals(leaver.email()))
                .findFirst()
                .orElseThrow();
        assertThat(f.header(toLeaver, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(f.header(toLeaver, "Message-ID")).startsWith("<").endsWith(">");
        Matcher link = LINK.matcher(f.header(toLeaver, "List-Unsubscribe"));
        assertThat(link.find()).isTrue();
        assertThat(toLeaver.text()).contains(link.group(1));
        String path = "/campaigns/unsubscribe/" + link.group(2);
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("confirm-unsubscribe")));
        assertThat(count("select count(*) from campaigns_unsubscribe where workspace_id = ?", tenant))
                .as("a GET changes nothing")
                .isZero();
        mvc.perform(post(path).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        mvc.perform(post(path).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        assertThat(count("select count(*) from campaigns_unsubscribe where workspace_id = ?", tenant))
                .isOne();
        assertThat(f.report(tenant, first.id()).unsubscribed()).isOne();

        String next = "Summer news " + Fixtures.unique("s");
        CampaignView second = f.sent(tenant, CampaignFixtures.toProgram(next, program));
        assertThat(f.messages(tenant, next))
                .extracting(MailSink.SinkMessage::to)
                .containsExactly(reader.email());
        CampaignReport after = f.report(tenant, second.id());
        assertThat(after.skippedUnsubscribed()).isOne();
        assertThat(after.skippedPreference()).isOne();
        assertThat(after.sent()).isOne();
    }

    @Test
    void anOpenIsRecordedByTheWriterNeverByThePixelsGet() throws Exception {
        CampaignFixtures f = new CampaignFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.deals().program(tenant);
        f.deals().member(tenant, program);
        String subject = "Opened " + Fixtures.unique("o");
        CampaignView sent = f.sent(tenant, CampaignFixtures.toProgram(subject, program));
        String token = db.sql("select token from campaigns_recipient where campaign_id = ?")
                .param(sent.id())
                .query(String.class)
                .single();

        mvc.perform(get("/campaigns/o/" + token + ".gif")).andExpect(status().isOk());
        assertThat(f.report(tenant, sent.id()).opened())
                .as("the GET only queued it")
                .isZero();
        context.getBean(dev.canopy.campaigns.internal.OpenPixels.class).write();

        CampaignReport report = f.report(tenant, sent.id());
        assertThat(report.opened()).isOne();
        assertThat(report.openRate()).isEqualByComparingTo("100.0");
    }

    private UUID userId(String email) {
        return db.sql("select id from identity_partner_user where email = ?")
                .param(email)
                .query(UUID.class)
                .single();
    }

    private long count(String sql, Fixtures.Tenant tenant) {
        return db.sql(sql).param(tenant.id().value()).query(Long.class).single();
    }
}
