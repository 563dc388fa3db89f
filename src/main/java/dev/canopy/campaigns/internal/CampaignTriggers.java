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
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Triggered campaigns: each event adds the partner users it concerns to the workspace's active campaigns of its
 * trigger, when the campaign's segment admits their company. A campaign's address is unique, so each user is mailed a
 * campaign once, however often the event comes (a second tier change, a redelivered event). The sending job mails
 * them. "First commission" is the first the campaign sees for a partner: its users are on the list after it.
 */
@Component
class CampaignTriggers {

    private final CampaignRows campaigns;
    private final SegmentRecipients segment;
    private final CampaignDelivery delivery;
    private final Partners partners;

    CampaignTriggers(CampaignRows campaigns, SegmentRecipients segment, CampaignDelivery delivery, Partners partners) {
        this.campaigns = campaigns;
        this.segment = segment;
        this.delivery = delivery;
        this.partners = partners;
    }

    @ApplicationModuleListener
    void on(PartnerUserJoined joined) {
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
