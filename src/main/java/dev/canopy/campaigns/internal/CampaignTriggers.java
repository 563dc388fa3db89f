package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.CampaignTrigger;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.commissions.CommissionEarned;
import dev.canopy.commissions.CommissionKind;
import dev.canopy.enablement.CertificationExpiring;
import dev.canopy.identity.PartnerUserJoined;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.TierChanged;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.PartnerLeads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Triggered campaigns: each event adds the partner users it concerns to the workspace's active campaigns of its
 * trigger, when the campaign's segment admits their company. A campaign's address is unique, so each user is mailed a
 * campaign once, however often the event comes (a second tier change, a redelivered event). The sending job mails
 * them. "First commission" is the first the campaign sees for a partner: its users are on the list after it. "Days
 * after joining with no lead" is checked every hour against when each user joined (kept here: identity keeps no
 * joining time) and tracking's leads.
 */
@Component
public class CampaignTriggers {

    /** How far back the no-lead check looks past each campaign's days, so a job that was down catches up. */
    static final Duration NO_LEAD_CATCH_UP = Duration.ofDays(30);

    private final CampaignRows campaigns;
    private final SegmentRecipients segment;
    private final CampaignDelivery delivery;
    private final Partners partners;
    private final JoinedTable joined;
    private final PartnerLeads leads;
    private final Clock clock;

    CampaignTriggers(
            CampaignRows campaigns,
            SegmentRecipients segment,
            CampaignDelivery delivery,
            Partners partners,
            JoinedTable joined,
            PartnerLeads leads,
            Clock clock) {
        this.campaigns = campaigns;
        this.segment = segment;
        this.delivery = delivery;
        this.partners = partners;
        this.joined = joined;
        this.leads = leads;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PartnerUserJoined joined) {
        this.joined.record(joined.workspaceId(), joined.partnerId(), joined.partnerUserId(), clock.instant());
        trigger(
                joined.workspaceId(),
                CampaignTrigger.PARTNER_JOINED,
                new PartnerId(joined.partnerId()),
                user -> user.id().equals(joined.partnerUserId()));
    }

    @ApplicationModuleListener
    void on(TierChanged changed) {
        trigger(changed.workspace(), CampaignTrigger.TIER_CHANGED, changed.partner(), user -> true);
    }

    @ApplicationModuleListener
    void on(CertificationExpiring expiring) {
        UUID person = expiring.personId();
        trigger(
                expiring.workspace(),
                CampaignTrigger.CERTIFICATION_EXPIRING,
                expiring.partner(),
                user -> user.id().equals(person));
    }

    @ApplicationModuleListener
    void on(CommissionEarned earned) {
        if (earned.kind() == CommissionKind.EARNED) {
            trigger(earned.workspace(), CampaignTrigger.FIRST_COMMISSION, earned.partner(), user -> true);
        }
    }

    @Scheduled(cron = "${canopy.campaigns.no-lead-cron:0 15 * * * *}")
    void hourly() {
        noLead();
    }

    /**
     * "N days after joining with no lead": the users who joined at least N days ago (and at most 30 more), not yet on
     * the campaign's list, of partners that have brought no lead, are added to it; the sending job mails them.
     */
    public void noLead() {
        Instant now = clock.instant();
        for (CampaignRows.Due due : campaigns.activeEverywhere(CampaignTrigger.NO_LEAD_AFTER_DAYS)) {
            AsSystem.in(
                    due.workspace(),
                    () -> campaigns
                            .find(due.workspace(), due.campaign())
                            .filter(c -> c.triggerDays() != null)
                            .ifPresent(c -> {
                                Instant to = now.minus(Duration.ofDays(c.triggerDays()));
                                for (JoinedTable.Joined j :
                                        joined.between(due.workspace(), c.id(), to.minus(NO_LEAD_CATCH_UP), to)) {
                                    PartnerId partner = new PartnerId(j.partner());
                                    if (!leads.any(due.workspace(), partner)) {
                                        delivery.add(
                                                due.workspace(),
                                                c.id(),
                                                segment.ofPartner(
                                                        due.workspace(),
                                                        c.audience(),
                                                        partners.get(partner),
                                                        user -> user.id().equals(j.partnerUser())));
                                    }
                                }
                            }));
        }
    }

    /** Adds the partner's users that {@code which} picks to every active campaign of {@code trigger}. */
    void trigger(WorkspaceId workspace, CampaignTrigger trigger, PartnerId partner, Predicate<PartnerUserView> which) {
        AsSystem.in(workspace, () -> {
            if (campaigns.active(workspace, trigger).isEmpty()) {
                return;
            }
            PartnerView company = partners.get(partner);
            for (CampaignView c : campaigns.active(workspace, trigger)) {
                delivery.add(workspace, c.id(), segment.ofPartner(workspace, c.audience(), company, which));
            }
        });
    }
}
