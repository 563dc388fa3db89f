package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canopy.communications.internal.NotificationDigest;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deal registration approved for four partners whose users chose differently: e-mail at once gets one e-mail when
 * the approval commits; the portal only gets none; the daily digest gets nothing at once and one digest from the
 * daily job, and nothing from a second run; an approval rolled back notifies and mails no one.
 */
@CanopyTest
class NotificationsHonourEachUsersChoice {

    private static final String APPROVED = "Deal registration approved: ";

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    NotificationDigest digest;

    @Autowired
    MailSink mail;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Test
    void eachUserHearsOfTheApprovalAsTheyChose() {
        DealFixtures f = new DealFixtures(context);
        CommunicationsFixtures c = new CommunicationsFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member atOnce = f.member(tenant, program);
        DealFixtures.Member inApp = f.member(tenant, program);
        DealFixtures.Member daily = f.member(tenant, program);
        DealFixtures.Member rolledBack = f.member(tenant, program);
        preferences.choose(tenant.id(), c.userId(inApp.email()), NotificationKind.DEALS, Delivery.IN_APP);
        preferences.choose(tenant.id(), c.userId(daily.email()), NotificationKind.DEALS, Delivery.DAILY_DIGEST);

        approve(f, tenant, f.register(inApp, program, "Initech In App", "inapp-initech.example"));
        approve(f, tenant, f.register(daily, program, "Initech Daily", "daily-initech.example"));
        DealView undone = f.register(rolledBack, program, "Initech Undone", "undone-initech.example");
        transactions.executeWithoutResult(status -> {
            f.asStaff(tenant, () -> deals.approve(undone.id()));
            status.setRollbackOnly();
        });
        approve(f, tenant, f.register(atOnce, program, "Initech At Once", "atonce-initech.example"));

        await().untilAsserted(() -> assertThat(approvals(atOnce))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).isEqualTo(APPROVED + "Initech At Once");
                    assertThat(m.text()).contains("/portal/deals/");
                }));
        assertThat(approvals(inApp)).isEmpty();
        assertThat(approvals(daily)).isEmpty();
        assertThat(approvals(rolledBack)).isEmpty();
        assertThat(notifications(rolledBack)).isZero();
        assertThat(notifications(inApp)).isEqualTo(1);
        assertThat(digests(daily)).isEmpty();

        digest.run();
        await().untilAsserted(() -> assertThat(digests(daily))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains(APPROVED + "Initech Daily")));
        digest.run();
        assertThat(digests(daily)).hasSize(1);
        assertThat(digests(inApp)).isEmpty();
        assertThat(digests(atOnce)).isEmpty();
        assertThat(approvals(atOnce)).hasSize(1);
    }

    private void approve(DealFixtures f, Fixtures.Tenant tenant, DealView deal) {
        f.asStaff(tenant, () -> deals.approve(deal.id()));
    }

    private List<MailSink.SinkMessage> approvals(DealFixtures.Member member) {
        return mail.messagesTo(member.email()).stream()
                .filter(m -> m.subject().startsWith(APPROVED))
                .toList();
    }

    private List<MailSink.SinkMessage> digests(DealFixtures.Member member) {
        return mail.messagesTo(member.email()).stream()
                .filter(m -> m.subject().startsWith("Your daily digest"))
                .toList();
    }

    private long notifications(DealFixtures.Member member) {
        UUID user = new CommunicationsFixtures(context).userId(member.email());
        return db.sql("select count(*) from communications_notification where partner_user_id = ?")
                .param(user)
                .query(Long.class)
                .single();
    }
}
