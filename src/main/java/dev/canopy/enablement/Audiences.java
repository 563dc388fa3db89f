package dev.canopy.enablement;

import dev.canopy.enablement.internal.AssetInputs;
import dev.canopy.enablement.internal.Viewers;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerPage;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audiences for other modules that address a segment of partners (communications' announcements, campaigns' e-mail):
 * the same choices, the same checks and the same rule as assets and courses, and rich text rendered and cleaned as
 * rich-text assets are (ADR 26). Everything is of the current workspace.
 */
@Service
public class Audiences {

    /** Partners no one writes to: turned away, stopped or gone. */
    private static final Set<PartnerStatus> OUT =
            EnumSet.of(PartnerStatus.REJECTED, PartnerStatus.SUSPENDED, PartnerStatus.BANNED, PartnerStatus.ARCHIVED);

    private final AssetInputs inputs;
    private final Viewers viewers;
    private final Partners partners;
    private final Memberships memberships;

    Audiences(AssetInputs inputs, Viewers viewers, Partners partners, Memberships memberships) {
        this.inputs = inputs;
        this.viewers = viewers;
        this.partners = partners;
        this.memberships = memberships;
    }

    /** What an audience can name here: programmes, tiers, types, regions and partners. */
    @Transactional(readOnly = true)
    public AudienceChoices choices() {
        return inputs.choices();
    }

    /**
     * The audience the fields name, checked as the asset form's fields of the same names (match, programIds, tierIds,
     * partnerTypes, regions, partnerIds: the workspace's own); each problem is added to {@code problems} under its
     * field.
     */
    @Transactional(readOnly = true)
    public Audience check(
            @Nullable String match,
            @Nullable List<String> programIds,
            @Nullable List<String> tierIds,
            @Nullable List<String> partnerTypes,
            @Nullable List<String> regions,
            @Nullable List<String> partnerIds,
            Map<String, String> problems) {
        return inputs.audience(match, programIds, tierIds, partnerTypes, regions, partnerIds, problems);
    }

    /** A partner of the current workspace as audiences see it. */
    @Transactional(readOnly = true)
    public Viewer viewer(PartnerId partner) {
        return viewers.of(partner);
    }

    /** The current workspace's partners the audience admits, leaving out those rejected, suspended, banned or archived. */
    @Transactional(readOnly = true)
    public List<PartnerView> admitted(Audience audience) {
        Map<PartnerId, List<MembershipView>> joined =
                memberships.list(null, null).stream().collect(Collectors.groupingBy(MembershipView::partnerId));
        List<PartnerView> admitted = new ArrayList<>();
        String after = null;
        do {
            PartnerPage page = partners.search(
                    new PartnerSearch(null, null, null, null, false, after, PartnerSearch.MAX_LIMIT, null));
            for (PartnerView partner : page.partners()) {
                if (!OUT.contains(partner.status())
                        && audience.admits(Viewers.of(partner, joined.getOrDefault(partner.id(), List.of())))) {
                    admitted.add(partner);
                }
            }
            after = page.nextCursor();
        } while (after != null);
        return admitted;
    }

    /** Whether the audience admits one partner of the current workspace. */
    @Transactional(readOnly = true)
    public boolean admits(Audience audience, PartnerId partner) {
        PartnerView view = partners.get(partner);
        return !OUT.contains(view.status()) && audience.admits(Viewers.of(view, memberships.list(null, partner)));
    }
}
