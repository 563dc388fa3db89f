package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.CampaignReport;
import dev.canopy.campaigns.CampaignSent;
import dev.canopy.campaigns.CampaignStatus;
import dev.canopy.campaigns.CampaignStopped;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.identity.Branding;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends campaigns, on any node, exactly once per recipient (ADR 32). Starting a send makes every recipient's row in
 * one transaction; delivering claims waiting rows (committed as SENDING before any is mailed), mails each and marks it
 * SENT or FAILED. A second node skips the rows the first has locked; a sender that dies leaves SENDING rows that are
 * failed, never resent. Between batches the campaign's status is read again: a campaign stopped for its bounces mails
 * no one more.
 */
@Component
public class CampaignDelivery {

    /** A claim older than this was abandoned by a sender that stopped. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(CampaignDelivery.class);

    private final CampaignRows campaigns;
    private final RecipientTable recipients;
    private final SegmentRecipients segment;
    private final CampaignMailer mailer;
    private final Memberships memberships;
    private final Branding branding;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;

    CampaignDelivery(
            CampaignRows campaigns,
            RecipientTable recipients,
            SegmentRecipients segment,
            CampaignMailer mailer,
            Memberships memberships,
            Branding branding,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${canopy.campaigns.batch-size:100}") int batchSize) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.segment = segment;
        this.mailer = mailer;
        this.memberships = memberships;
        this.branding = branding;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(
            fixedDelayString = "${canopy.campaigns.send-delay:30s}",
            initialDelayString = "${canopy.campaigns.send-delay:30s}")
    void tick() {
        run();
    }

    /** One pass of the job: fails abandoned claims, starts due scheduled campaigns, delivers what waits. */
    public void run() {
        recipients.abandon(clock.instant().minus(ABANDONED_AFTER));
        for (CampaignRows.Due due : campaigns.dueToStart(clock.instant())) {
            guarded(due, () -> start(due.workspace(), due.campaign(), Set.of(CampaignStatus.SCHEDULED)));
        }
        for (CampaignRows.Due due : campaigns.withPending()) {
            guarded(due, () -> deliver(due.workspace(), due.campaign(), Integer.MAX_VALUE));
        }
    }

    private static void guarded(CampaignRows.Due due, Runnable work) {
        try {
            AsSystem.in(due.workspace(), work);
        } catch (RuntimeException e) {
            log.error(
                    "Campaign {} of workspace {} failed to send",
                    due.campaign(),
                    due.workspace().value(),
                    e);
        }
    }

    /**
     * Moves the campaign to SENDING and makes its recipients' rows, all in one transaction; false when another node
     * (or an earlier click) started it first.
     */
    public boolean start(WorkspaceId workspace, UUID campaign, Set<CampaignStatus> from) {
        Boolean started = transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<CampaignView> found = campaigns.find(workspace, campaign);
            if (found.isEmpty()
                    || !campaigns.move(workspace, campaign, from, CampaignStatus.SENDING, null, null, now)) {
                return false;
            }
            String domain = mailer.messageDomain();
            segment.of(workspace, found.get().audience())
                    .forEach(r -> recipients.add(workspace, campaign, r, domain, now));
            return true;
        });
        return Boolean.TRUE.equals(started);
    }

    /** Adds recipients to an active (triggered) campaign: each address once, ever. */
    public int add(WorkspaceId workspace, UUID campaign, List<RecipientTable.NewRecipient> who) {
        Instant now = clock.instant();
        String domain = mailer.messageDomain();
        return (int) who.stream()
                .filter(r -> recipients.add(workspace, campaign, r, domain, now))
                .count();
    }

    /** Mails up to {@code limit} waiting recipients, a batch at a time; answers how many the mail server took. */
    public int deliver(WorkspaceId workspace, UUID campaign, int limit) {
        int sent = 0;
        while (sent < limit) {
            CampaignView c = campaigns.find(workspace, campaign).orElse(null);
            if (c == null || (c.status() != CampaignStatus.SENDING && c.status() != CampaignStatus.ACTIVE)) {
                return sent;
            }
            recipients.skipUnsubscribed(workspace, campaign);
            int want = Math.min(batchSize, limit - sent);
            List<RecipientTable.Claimed> batch =
                    transactions.execute(tx -> recipients.claim(workspace, campaign, want, clock.instant()));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            String workspaceName = branding.of(workspace).portalName();
            for (RecipientTable.Claimed r : batch) {
                CampaignMailer.Rendered message =
                        mailer.render(c.subject(), c.body(), values(r), r.token(), workspaceName);
                String error = mailer.send(workspace, r.address(), message, r.messageId(), r.token(), false);
                if (error == null) {
                    recipients.sent(r.id(), clock.instant());
                    sent++;
                } else {
                    recipients.failed(r.id(), error);
                }
            }
        }
        finishIfDone(workspace, campaign);
        return sent;
    }

    private CampaignMailer.Values values(RecipientTable.Claimed r) {
        List<MembershipView> joined =
                r.partnerId() == null ? List.of() : memberships.list(null, new PartnerId(r.partnerId()));
        MembershipView first = joined.isEmpty() ? null : joined.getFirst();
        return new CampaignMailer.Values(
                r.partnerName(),
                r.name(),
                first == null ? "" : first.programName(),
                first == null || first.tierName() == null ? "" : first.tierName());
    }

    private void finishIfDone(WorkspaceId workspace, UUID campaign) {
        CampaignReport report = recipients.report(workspace, campaign);
        if (report.waiting() > 0) {
            return;
        }
        CampaignView c = campaigns.find(workspace, campaign).orElseThrow();
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            if (campaigns.move(
                    workspace, campaign, Set.of(CampaignStatus.SENDING), CampaignStatus.SENT, null, null, now)) {
                events.publishEvent(new CampaignSent(
                        workspace, campaign, c.name(), report.sent(), report.skipped(), report.failed(), now));
            }
        });
    }

    /**
     * After a bounce: stops the campaign when its bounce rate passed the workspace's threshold; answers the reason it
     * stopped, or null when it goes on.
     */
    public @Nullable String stopIfBouncing(WorkspaceId workspace, UUID campaign) {
        CampaignView c = campaigns.find(workspace, campaign).orElseThrow();
        CampaignReport report = recipients.report(workspace, campaign);
        BouncePolicy.Verdict verdict = BouncePolicy.judge(report.sent(), report.bounced(), campaigns.rule(workspace));
        if (!verdict.stop()) {
            return null;
        }
        Instant now = clock.instant();
        if (campaigns.move(
                workspace,
                campaign,
                Set.of(CampaignStatus.SENDING, CampaignStatus.ACTIVE),
                CampaignStatus.STOPPED,
                null,
                verdict.reason(),
                now)) {
            events.publishEvent(new CampaignStopped(
                    workspace, campaign, c.name(), verdict.reason(), report.sent(), report.bounced(), now));
            return verdict.reason();
        }
        return null;
    }
}
