package dev.canopy.communications.internal;

import dev.canopy.communications.AnnouncementInput;
import dev.canopy.communications.AnnouncementView;
import dev.canopy.communications.Announcements;
import dev.canopy.communications.NotificationTopic;
import dev.canopy.enablement.AudienceChoices;
import dev.canopy.enablement.Audiences;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's announcements: the 2027 price list pinned for every partner, and a note for one tier; and a few
 * notifications for Bluebird's people (Pat among them), so that the portal's bell shows a count. Loaded once, when
 * the application is ready: after every demo runner, {@code DemoLogins} last, because only people who joined are
 * notified.
 */
@Component
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoAnnouncements {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final Announcements announcements;
    private final Audiences audiences;
    private final Partners partners;
    private final NotificationSender sender;
    private final TransactionTemplate transactions;

    DemoAnnouncements(
            Workspaces workspaces,
            Announcements announcements,
            Audiences audiences,
            Partners partners,
            NotificationSender sender,
            TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.announcements = announcements;
        this.audiences = audiences;
        this.partners = partners;
        this.sender = sender;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (announcements.list(true).isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        AnnouncementView prices = announcements.create(new AnnouncementInput(
                "The 2027 price list is out",
                """
                New list prices apply from **1 January 2027**; your discounts stay as they are.

                - Cloud Suite: +4 %
                - Support plans: unchanged

                Quotes sent before the new year keep the old prices for 60 days.""",
                true,
                null,
                null,
                "ALL",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
        announcements.publish(prices.id());
        AudienceChoices choices = audiences.choices();
        List<String> tier =
                choices.tiers().stream().limit(1).map(c -> c.id().toString()).toList();
        AnnouncementView tierNote = announcements.create(new AnnouncementInput(
                "Your tier's quarterly business review",
                "Book your QBR with your partner manager before the end of the quarter: we will go through your"
                        + " pipeline, your certifications and next year's plan.",
                false,
                null,
                null,
                "ALL",
                List.of(),
                tier,
                List.of(),
                List.of(),
                List.of()));
        announcements.publish(tierNote.id());
        PartnerId bluebird = partners.search(new PartnerSearch("Bluebird Consulting", null, null, null, false, null, 1))
                .partners()
                .getFirst()
                .id();
        notify(workspace, bluebird, NotificationTopic.COMMISSION_APPROVED, "240.00 EUR", "/portal/earnings", "1");
        notify(workspace, bluebird, NotificationTopic.PAYOUT_PAID, "1,180.00 EUR", "/portal/earnings", "2");
    }

    private void notify(
            WorkspaceId workspace, PartnerId partner, NotificationTopic topic, String subject, String link, String n) {
        sender.send(new NotificationSender.Notice(
                workspace, partner, user -> true, topic, subject, link, "demo:" + n, false));
    }
}
