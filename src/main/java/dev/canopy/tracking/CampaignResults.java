package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.CampaignTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What one partner's campaign brought, from the attribution data: clicks on its links tagged with the campaign
 * ({@code utm_campaign}), and the customers attributed to the partner through those clicks (and still its own) —
 * their leads, and their sales less refunds in one currency. A customer counts once, however often it clicked. For
 * MDF ROI: each activity is a campaign.
 */
@Service
public class CampaignResults {

    /** Clicks on the campaign's links; customers attributed through it, their leads and net revenue. */
    public record Result(long clicks, long customers, long leads, Money revenue) {}

    private final CampaignTable campaigns;

    CampaignResults(CampaignTable campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    public Result of(WorkspaceId workspace, PartnerId partner, String campaign, String currency) {
        return campaigns.result(workspace, partner, campaign, currency);
    }
}
