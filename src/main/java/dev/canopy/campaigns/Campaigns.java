package dev.canopy.campaigns;

import dev.canopy.audit.AuditLog;
import dev.canopy.campaigns.internal.BouncePolicy;
import dev.canopy.campaigns.internal.CampaignDelivery;
import dev.canopy.campaigns.internal.CampaignInputs;
import dev.canopy.campaigns.internal.CampaignMailer;
import dev.canopy.campaigns.internal.CampaignRows;
import dev.canopy.campaigns.internal.RecipientTable;
import dev.canopy.campaigns.internal.SegmentRecipients;
import dev.canopy.enablement.AudienceChoices;
import dev.canopy.enablement.Audiences;
import dev.canopy.identity.Branding;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff write campaigns, preview them for a member of the segment, send themselves a test, then send one now or at a
 * time, or switch a triggered one on; the report says whom each reached. Sending itself is {@code CampaignDelivery}'s.
 */
@Service
public class Campaigns {

    private static final Pattern ADDRESS_IN_NAME = Pattern.compile("<([^>]+)>$");

    private final CampaignRows campaigns;
    private final RecipientTable recipients;
    private final CampaignInputs inputs;
    private final CampaignDelivery delivery;
    private final CampaignMailer mailer;
    private final SegmentRecipients segment;
    private final Audiences audiences;
    private final Branding branding;
    private final Workspaces workspaces;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(
            CampaignRows campaigns,
            RecipientTable recipients,
            CampaignInputs inputs,
            CampaignDelivery delivery,
            CampaignMailer mailer,
            SegmentRecipients segment,
            Audiences audiences,
            Branding branding,
            Workspaces workspaces,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.inputs = inputs;
        this.delivery = delivery;
        this.mailer = mailer;
        this.segment = segment;
        this.audiences = audiences;
        this.branding = branding;
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CampaignView> list() {
        return campaigns.list(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public CampaignView get(UUID id) {
        return campaigns.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    /** What the segment fields offer: the workspace's programmes, tiers, types, regions and partners. */
    @Transactional(readOnly = true)
    public AudienceChoices choices() {
        return audiences.choices();
    }

    @Transactional
    public CampaignView create(CampaignInput input) {
        CampaignInputs.Checked in = inputs.check(input);
        Instant now = clock.instant();
        CampaignView created = new CampaignView(
                UUID.randomUUID(),
                in.name(),
                in.subject(),
                in.body(),
                in.audience(),
                in.trigger(),
                in.triggerDays(),
                CampaignStatus.DRAFT,
                null,
                null,
                null,
                null,
                currentWorkspace.actor().name(),
                now,
                now);
        campaigns.insert(currentWorkspace.id(), created);
        audit.record("campaign.created", "campaign", created.id(), null, created);
        return created;
    }

    /** New words or segment, while nothing has been mailed from it (a draft or a scheduled campaign). */
    @Transactional
    public CampaignView update(UUID id, CampaignInput input) {
        CampaignView before = get(id);
        CampaignInputs.Checked in = inputs.check(input);
        CampaignView after = new CampaignView(
                id,
                in.name(),
                in.subject(),
                in.body(),
                in.audience(),
                in.trigger(),
                in.triggerDays(),
                before.status(),
                before.scheduledAt(),
                null,
                null,
                null,
                before.createdBy(),
                before.createdAt(),
                clock.instant());
        if (!campaigns.update(currentWorkspace.id(), after)) {
            throw new ConflictException(
                    null,
                    "This campaign is " + before.status().label().toLowerCase() + ": its words can no longer change");
        }
        audit.record("campaign.updated", "campaign", id, before, after);
        return get(id);
    }

    /** Moves recipients' rows in now; the sending job mails them within a minute. */
    @Transactional
    public CampaignView sendNow(UUID id) {
        CampaignView c = segmentCampaign(id);
        if (!delivery.start(currentWorkspace.id(), id, Set.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED))) {
            throw new ConflictException(null, "This campaign was sent already");
        }
        published(c, clock.instant());
        return get(id);
    }

    /** Sends it at {@code sendAt} (a date-time in the workspace's zone, or an instant), which must be ahead. */
    @Transactional
    public CampaignView schedule(UUID id, @Nullable String sendAt) {
        CampaignView c = segmentCampaign(id);
        WorkspaceId workspace = currentWorkspace.id();
        ZoneId zone =
                workspaces.byId(workspace).map(w -> ZoneId.of(w.timezone())).orElse(ZoneId.of("UTC"));
        Instant at = CampaignInputs.sendAt(sendAt, zone, clock.instant());
        move(c, Set.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED), CampaignStatus.SCHEDULED, at, null);
        published(c, at);
        return get(id);
    }

    /** Back to a draft: a scheduled campaign not yet started. */
    @Transactional
    public CampaignView unschedule(UUID id) {
        move(get(id), Set.of(CampaignStatus.SCHEDULED), CampaignStatus.DRAFT, null, null);
        return get(id);
    }

    /** Switches a triggered campaign on: from now, each partner user its trigger names is mailed it once. */
    @Transactional
    public CampaignView activate(UUID id) {
        CampaignView c = get(id);
        if (!c.trigger().triggered()) {
            throw new ConflictException("trigger", "A segment campaign is sent or scheduled, not switched on");
        }
        move(c, Set.of(CampaignStatus.DRAFT), CampaignStatus.ACTIVE, null, null);
        published(c, clock.instant());
        return get(id);
    }

    /** Stops a sending or active campaign: its remaining recipients are not mailed. */
    @Transactional
    public CampaignView stop(UUID id) {
        CampaignView c = get(id);
        String reason = "Stopped by " + currentWorkspace.actor().name();
        move(c, Set.of(CampaignStatus.SENDING, CampaignStatus.ACTIVE), CampaignStatus.STOPPED, null, reason);
        CampaignReport report = report(id);
        events.publishEvent(new CampaignStopped(
                currentWorkspace.id(), id, c.name(), reason, report.sent(), report.bounced(), clock.instant()));
        return get(id);
    }

    @Transactional(readOnly = true)
    public CampaignReport report(UUID id) {
        get(id);
        return recipients.report(currentWorkspace.id(), id);
    }

    @Transactional(readOnly = true)
    public List<RecipientView> recipients(UUID id) {
        get(id);
        return recipients.list(currentWorkspace.id(), id);
    }

    /** Members of the segment a preview may be shown for (those a send would mail), at most 50. */
    @Transactional(readOnly = true)
    public List<RecipientTable.NewRecipient> samples(UUID id) {
        CampaignView c = get(id);
        return segment.of(currentWorkspace.id(), c.audience()).stream()
                .filter(r -> r.skip() == null)
                .limit(50)
                .toList();
    }

    /** The campaign as {@code address} (a member of its segment; the first when null) would read it. */
    @Transactional(readOnly = true)
    public CampaignPreview preview(UUID id, @Nullable String address) {
        CampaignView c = get(id);
        List<RecipientTable.NewRecipient> samples = samples(id);
        RecipientTable.NewRecipient sample = samples.stream()
                .filter(r -> address == null || r.address().equalsIgnoreCase(address.strip()))
                .findFirst()
                .orElse(null);
        CampaignMailer.Rendered rendered = render(c, sample);
        return new CampaignPreview(
                sample == null ? "A sample partner" : sample.name() + " <" + sample.address() + ">",
                rendered.subject(),
                rendered.html().replaceFirst("<img[^>]*>$", ""));
    }

    /**
     * Sends the campaign, marked as a test, to {@code address} or else to the signed-in staff member, filled for the
     * first member of the segment; it is no recipient and counts nowhere.
     */
    @Transactional(readOnly = true)
    public String testSend(UUID id, @Nullable String address) {
        CampaignView c = get(id);
        String to = address == null || address.isBlank() ? ownAddress() : address.strip();
        EmailAddress parsed = EmailAddress.parse(to)
                .orElseThrow(() -> new InvalidInputException("address", "Enter an e-mail address"));
        List<RecipientTable.NewRecipient> samples = samples(id);
        CampaignMailer.Rendered rendered = render(c, samples.isEmpty() ? null : samples.getFirst());
        String error = mailer.send(
                currentWorkspace.id(),
                parsed.value(),
                rendered,
                "<test-" + UUID.randomUUID() + "@" + mailer.messageDomain() + ">",
                "test",
                true);
        if (error != null) {
            throw new ConflictException(null, "The mail server refused the test: " + error);
        }
        audit.record("campaign.test-sent", "campaign", id, null, parsed.value());
        return parsed.value();
    }

    /** The stop rule of this workspace's campaigns. */
    @Transactional(readOnly = true)
    public BouncePolicy.Rule stopRule() {
        return campaigns.rule(currentWorkspace.id());
    }

    private CampaignMailer.Rendered render(CampaignView c, RecipientTable.@Nullable NewRecipient sample) {
        CampaignMailer.Values values = sample == null
                ? new CampaignMailer.Values("Sample Partner", "Pat Example", "Your programme", "Your tier")
                : new CampaignMailer.Values(sample.partnerName(), sample.name(), "", "");
        return mailer.render(
                c.subject(),
                c.body(),
                values,
                null,
                branding.of(currentWorkspace.id()).portalName());
    }

    private String ownAddress() {
        Matcher m = ADDRESS_IN_NAME.matcher(currentWorkspace.actor().name());
        if (!m.find()) {
            throw new InvalidInputException("address", "Enter the address to send the test to");
        }
        return m.group(1);
    }

    private CampaignView segmentCampaign(UUID id) {
        CampaignView c = get(id);
        if (c.trigger().triggered()) {
            throw new ConflictException("trigger", "A triggered campaign is switched on, not sent to its segment");
        }
        return c;
    }

    private void move(
            CampaignView c,
            Set<CampaignStatus> from,
            CampaignStatus to,
            @Nullable Instant at,
            @Nullable String reason) {
        if (!campaigns.move(currentWorkspace.id(), c.id(), from, to, at, reason, clock.instant())) {
            throw new ConflictException(
                    null,
                    "This campaign is " + c.status().label().toLowerCase() + " and cannot be "
                            + to.label().toLowerCase() + " now");
        }
        audit.record("campaign." + to.name().toLowerCase(), "campaign", c.id(), c.status(), to);
    }

    private void published(CampaignView c, Instant sendAt) {
        events.publishEvent(new CampaignScheduled(
                currentWorkspace.id(),
                c.id(),
                c.name(),
                c.trigger(),
                sendAt,
                currentWorkspace.actor().name(),
                clock.instant()));
    }
}
