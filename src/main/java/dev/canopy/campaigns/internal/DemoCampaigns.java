package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.CampaignInput;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.campaigns.Campaigns;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's campaigns: a reseller update sent to the resellers programme (Pat's message opened, the resellers with
 * nobody joined skipped, so the report has figures) and a "Welcome" switched on for every partner user who joins. Loaded once, when the application
 * is ready: after every demo runner, {@code DemoLogins} last, because only people who joined are mailed.
 */
@Component
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoCampaigns {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final Campaigns campaigns;
    private final CampaignDelivery delivery;
    private final RecipientTable recipients;
    private final Programs programs;
    private final Clock clock;

    DemoCampaigns(
            Workspaces workspaces,
            Campaigns campaigns,
            CampaignDelivery delivery,
            RecipientTable recipients,
            Programs programs,
            Clock clock) {
        this.workspaces = workspaces;
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.recipients = recipients;
        this.programs = programs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        CampaignView update = AsSystem.in(workspace, DEMO, () -> {
            if (!campaigns.list().isEmpty()) {
                return null;
            }
            ProgramView resellers = programs.list().stream()
                    .filter(p -> p.slug().equals("resellers"))
                    .findFirst()
                    .orElseThrow();
            CampaignView welcome = campaigns.create(
                    input("Welcome", "Welcome to {{programme.name}}, {{user.name}}", "PARTNER_JOINED", List.of(), """
                    Hello {{user.name}},

                    welcome aboard! Your portal has your links, deal registration and the content library.
                    Start with the **Cloud Suite sales kit** in Content.

                    The Northwind partner team"""));
            campaigns.activate(welcome.id());
            CampaignView sent = campaigns.create(input(
                    "Reseller spring update",
                    "Spring update for {{partner.name}}",
                    "SEGMENT",
                    List.of(resellers.id().toString()),
                    """
                    Hello {{user.name}},

                    three things for **{{partner.name}}** this spring:

                    - the new Cloud Suite price list is in the content library,
                    - MDF for this quarter is open: request it in the portal,
                    - deal registration protects a deal for 90 days.

                    The Northwind partner team"""));
            campaigns.sendNow(sent.id());
            return sent;
        });
        if (update == null) {
            return;
        }
        delivery.run();
        AsSystem.in(workspace, DEMO, () -> {
            recipients.sentTokens(workspace, update.id()).stream()
                    .findFirst()
                    .ifPresent(token -> recipients.opened(token, clock.instant()));
            return null;
        });
    }

    private static CampaignInput input(
            String name, String subject, String trigger, List<String> programs, String body) {
        return new CampaignInput(
                name, subject, body, trigger, null, "ALL", programs, List.of(), List.of(), List.of(), List.of());
    }
}
