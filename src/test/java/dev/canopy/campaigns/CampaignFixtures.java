package dev.canopy.campaigns;

import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.deals.DealFixtures;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Campaigns for tests: a draft to a programme's partners, sent as staff, and the messages it made. */
public class CampaignFixtures {

    private final DealFixtures deals;
    private final Campaigns campaigns;
    private final CampaignDelivery delivery;
    private final MailSink mail;

    public CampaignFixtures(ApplicationContext context) {
        this.deals = new DealFixtures(context);
        this.campaigns = context.getBean(Campaigns.class);
        this.delivery = context.getBean(CampaignDelivery.class);
        this.mail = context.getBean(MailSink.class);
    }

    public DealFixtures deals() {
        return deals;
    }

    public static CampaignInput toProgram(String subject, ProgramView program) {
        return input(subject, "SEGMENT", List.of(program.id().value().toString()));
    }

    public static CampaignInput input(String subject, String trigger, List<String> programIds) {
        return new CampaignInput(
                "Campaign " + subject,
                subject,
                "Hello {{user.name}} of {{partner.name}},\n\nNews for **{{programme.name}}**.",
                trigger,
                null,
                "ALL",
                programIds,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    public CampaignView draft(Fixtures.Tenant tenant, CampaignInput input) {
        return deals.asStaff(tenant, () -> campaigns.create(input));
    }

    /** Sends it now and runs the sending job once. */
    public CampaignView sent(Fixtures.Tenant tenant, CampaignInput input) {
        CampaignView draft = draft(tenant, input);
        deals.asStaff(tenant, () -> campaigns.sendNow(draft.id()));
        delivery.run();
        return draft;
    }

    public CampaignReport report(Fixtures.Tenant tenant, UUID campaign) {
        return deals.asStaff(tenant, () -> campaigns.report(campaign));
    }

    /** The workspace's messages with this subject, as the mail sink holds them. */
    public List<MailSink.SinkMessage> messages(Fixtures.Tenant tenant, String subject) {
        return mail.messagesFor(tenant.id()).stream()
                .filter(m -> m.subject().equals(subject))
                .toList();
    }

    public String header(MailSink.SinkMessage message, String name) {
        return mail.header(message.index(), name);
    }
}
