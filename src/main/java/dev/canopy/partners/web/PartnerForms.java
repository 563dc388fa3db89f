package dev.canopy.partners.web;

import dev.canopy.partners.PartnerProfile;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import java.util.List;

/** What the partner forms post; lists of regions and verticals are typed comma-separated. */
final class PartnerForms {

    private PartnerForms() {}

    record ProfileForm(String name, String website, List<String> types, String regions, String verticals, String size) {

        static ProfileForm of(PartnerView partner) {
            return new ProfileForm(
                    partner.name(),
                    partner.website() == null ? "" : partner.website(),
                    partner.types().stream().map(Enum::name).toList(),
                    String.join(", ", partner.regions()),
                    String.join(", ", partner.verticals()),
                    partner.size() == null ? "" : partner.size());
        }

        PartnerProfile toProfile() {
            return new PartnerProfile(
                    name,
                    website,
                    PartnerType.parseAll("types", types),
                    PartnerProfile.splitList(regions),
                    PartnerProfile.splitList(verticals),
                    size);
        }
    }
}
