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
 * An {@link Audience} for other modules (campaigns mail a segment): read from the same fields the asset form has,
 * the choices it offers, and the partners of the current workspace it admits.
 */
@Service
public class Audiences {

    /** Partners no one writes to: turned away, stopped or gone. */
    private static final Set<PartnerStatus> OUT =
            EnumSet.of(PartnerStatus.REJECTED, PartnerStatus.SUSPENDED, PartnerStatus.BANNED, PartnerStatus.ARCHIVED);

    private final AssetInputs inputs;
    private final Partners partners;
    private final Memberships memberships;

    Audiences(AssetInputs inputs, Partners partners, Memberships memberships) {
        this.inputs = inputs;
        this.partners = partners;
        this.memberships = memberships;
    }

    @Transactional(readOnly = true)
    public AudienceChoices choices() {
        return inputs.choices();
    }

    /**
     * The audience the fields name, checked as the asset form's fields of the same names (programIds, tierIds,
     * partnerTypes, regions, partnerIds: the workspace's own); problems are added to {@code problems} by field.
     */
    @Transactional(readOnly = true)
    public Audience read(
            @Nullable String match,
            @Nullable List<String> programIds,
            @Nullable List<String> tierIds,
            @Nullable List<String> partnerTypes,
            @Nullable List<String> regions,
            @Nullable List<String> partnerIds,
            Map<String, String> problems) {
        return inputs.audience(match, programIds, tierIds, partnerTypes, regions, partnerIds, problems);
    }

    /** The current workspace's partners the audience admits, leaving out those rejected, suspended, banned or archived. */
    @Transactional(readOnly = true)
    public List<PartnerView> members(Audience audience) {
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
