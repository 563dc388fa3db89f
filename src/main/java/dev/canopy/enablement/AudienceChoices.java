package dev.canopy.enablement;

import dev.canopy.partners.PartnerType;
import java.util.List;
import java.util.UUID;

/** What an audience can name in this workspace, for the asset form: each choice with the words it shows. */
public record AudienceChoices(
        List<Choice> programs,
        List<Choice> tiers,
        List<PartnerType> types,
        List<String> regions,
        List<Choice> partners) {

    public record Choice(UUID id, String label) {}
}
