package dev.canopy.enablement;

import dev.canopy.deals.DealStage;
import dev.canopy.partners.PartnerType;
import java.util.List;
import java.util.UUID;

/**
 * What the asset form offers in this workspace: deal stages, and what an audience can name (programmes, tiers,
 * types, regions and partners), each choice with the words it shows.
 */
public record AudienceChoices(
        List<Choice> programs,
        List<Choice> tiers,
        List<PartnerType> types,
        List<String> regions,
        List<Choice> partners) {

    public record Choice(UUID id, String label) {}

    public List<DealStage> dealStages() {
        return List.of(DealStage.values());
    }

    public List<Audience.Match> matches() {
        return List.of(Audience.Match.values());
    }
}
