package dev.canopy.campaigns;

import java.util.List;

/**
 * A campaign as a form or the API gives it, unchecked. The segment's fields are enablement's audience fields (match,
 * programIds, tierIds, partnerTypes, regions, partnerIds); {@code triggerDays} is for {@code NO_LEAD_AFTER_DAYS}.
 */
public record CampaignInput(
        String name,
        String subject,
        String body,
        String trigger,
        String triggerDays,
        String match,
        List<String> programIds,
        List<String> tierIds,
        List<String> partnerTypes,
        List<String> regions,
        List<String> partnerIds) {}
