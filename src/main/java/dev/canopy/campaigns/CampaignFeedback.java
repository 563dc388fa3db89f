package dev.canopy.campaigns;

import dev.canopy.audit.AuditLog;
import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.campaigns.internal.OpenPixels;
import dev.canopy.campaigns.internal.RecipientTable;
import dev.canopy.campaigns.internal.SegmentRecipients;
import dev.canopy.campaigns.internal.UnsubscribeTable;
import dev.canopy.identity.Branding;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.Texts;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What comes back from a campaign's messages: unsubscribes (the recipient's link, one click or the page's button),
 * opens (the pixel) and bounces (a mail provider's webhook through the API), each found by what the message carried.
 */
@Service
public class CampaignFeedback {

    /** The page a recipient's unsubscribe link opens: whose campaigns they leave, and whether they left already. */
    public record UnsubscribePage(String workspaceName, String address, boolean unsubscribed) {}

    /** A bounce recorded: the campaign, and why it stopped (null when it goes on). */
    public record Bounce(UUID campaign, @Nullable String stoppedBecause) {}

    private final RecipientTable recipients;
    private final UnsubscribeTable unsubscribes;
    private final CampaignDelivery delivery;
    private final OpenPixels opens;
    private final Branding branding;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignFeedback(
            RecipientTable recipients,
            UnsubscribeTable unsubscribes,
            CampaignDelivery delivery,
            OpenPixels opens,
            Branding branding,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.recipients = recipients;
        this.unsubscribes = unsubscribes;
        this.delivery = delivery;
        this.opens = opens;
        this.branding = branding;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UnsubscribePage unsubscribePage(String token) {
        RecipientTable.ByToken r = byToken(token);
        return new UnsubscribePage(
                branding.of(r.workspace()).portalName(),
                r.address(),
                unsubscribes.contains(r.workspace(), r.address()));
    }

    /** Unsubscribes the link's address from the workspace's campaigns; unsubscribing twice changes nothing. */
    @Transactional
    public void unsubscribe(String token) {
        RecipientTable.ByToken r = byToken(token);
        Instant now = clock.instant();
        if (unsubscribes.add(r.workspace(), r.address(), r.id(), now)) {
            audit.record(
                    r.workspace(),
                    new Actor(Actor.Kind.PARTNER_USER, String.valueOf(r.partnerUserId()), r.address()),
                    "campaign.unsubscribed",
                    "campaign",
                    r.campaign(),
                    null,
                    r.address());
            events.publishEvent(new RecipientUnsubscribed(r.workspace(), r.campaign(), r.id(), r.partnerUserId(), now));
        }
    }

    /** Staff or the API unsubscribe an address (a partner asked by other means). */
    @Transactional
    public void unsubscribeAddress(String address) {
        EmailAddress parsed = EmailAddress.parse(address)
                .orElseThrow(() -> new InvalidInputException("address", "Enter an e-mail address"));
        WorkspaceId workspace = currentWorkspace.id();
        if (unsubscribes.add(workspace, SegmentRecipients.address(parsed.value()), null, clock.instant())) {
            audit.record("campaign.unsubscribed", "campaign-address", parsed.value(), null, parsed.value());
        }
    }

    /** The pixel was fetched: queued, written by the background writer (a GET writes nothing itself). */
    public void opened(String token) {
        opens.seen(token);
    }

    /**
     * A message bounced, named by its Message-ID or else by the address (its latest campaign message in this
     * workspace); the campaign stops when its bounce rate passes the workspace's threshold.
     */
    @Transactional
    public Bounce bounce(@Nullable String messageId, @Nullable String address) {
        String id = messageId == null ? "" : messageId.strip();
        String to = address == null ? "" : SegmentRecipients.address(address);
        if (id.isEmpty() && to.isEmpty()) {
            throw new InvalidInputException("messageId", "Give the bounced message's Message-ID or its address");
        }
        if (Texts.problem(id) != null || id.length() > 300) {
            throw new InvalidInputException("messageId", "Not a Message-ID");
        }
        if (!to.isEmpty() && EmailAddress.parse(to).isEmpty()) {
            throw new InvalidInputException("address", "Enter an e-mail address");
        }
        WorkspaceId workspace = currentWorkspace.id();
        UUID campaign = recipients
                .bounce(workspace, id.isEmpty() ? null : id, to.isEmpty() ? null : to, clock.instant())
                .orElseThrow(() -> new NotFoundException("Sent campaign message"));
        audit.record("campaign.bounced", "campaign", campaign, null, id.isEmpty() ? to : id);
        return new Bounce(campaign, delivery.stopIfBouncing(workspace, campaign));
    }

    private RecipientTable.ByToken byToken(String token) {
        if (token.length() > 64) {
            throw new NotFoundException("Campaign message");
        }
        return recipients.byToken(token).orElseThrow(() -> new NotFoundException("Campaign message"));
    }
}
