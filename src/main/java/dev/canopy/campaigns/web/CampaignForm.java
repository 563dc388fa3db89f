package dev.canopy.campaigns.web;

import dev.canopy.campaigns.CampaignInput;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.List;
import java.util.UUID;

/** The campaign form: its words, what sends it, and its segment as enablement's audience fields. */
record CampaignForm(
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
        List<String> partnerIds) {

    static CampaignForm blank() {
        return new CampaignForm(
                "",
                "",
                "Hello {{user.name}},\n\n…\n\nThe partner team",
                "SEGMENT",
                "",
                "ALL",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    static CampaignForm of(CampaignView c) {
        return new CampaignForm(
                c.name(),
                c.subject(),
                c.body(),
                c.trigger().name(),
                c.triggerDays() == null ? "" : c.triggerDays().toString(),
                c.audience().match().name(),
                c.audience().programs().stream().map(UUID::toString).toList(),
                c.audience().tiers().stream().map(UUID::toString).toList(),
                c.audience().types().stream().map(PartnerType::name).toList(),
                List.copyOf(c.audience().regions()),
                c.audience().partners().stream()
                        .map(PartnerId::value)
                        .map(UUID::toString)
                        .toList());
    }

    CampaignInput input() {
        return new CampaignInput(
                name,
                subject,
                body,
                trigger,
                triggerDays,
                match,
                programIds,
                tierIds,
                partnerTypes,
                regions,
                partnerIds);
    }
}
