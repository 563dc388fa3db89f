package dev.canopy.enablement.internal;

import dev.canopy.enablement.Viewer;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.shared.Actor;
import dev.canopy.shared.PartnerScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Partner companies as audiences see them: their programmes, tiers, types and regions. */
@Component
public class Viewers {

    private final Partners partners;
    private final Memberships memberships;
    private final CurrentWorkspace currentWorkspace;

    Viewers(Partners partners, Memberships memberships, CurrentWorkspace currentWorkspace) {
        this.partners = partners;
        this.memberships = memberships;
        this.currentWorkspace = currentWorkspace;
    }

    /** The signed-in partner; empty for staff and API keys. */
    public Optional<Viewer> current() {
        if (!(currentWorkspace.principal().orElse(null) instanceof PartnerScoped scoped)) {
            return Optional.empty();
        }
        return Optional.of(of(new PartnerId(scoped.partnerId())));
    }

    /** The signed-in portal user, as usage and share links name them. */
    public UsageTable.Person person() {
        Actor actor = currentWorkspace.actor();
        return new UsageTable.Person(actor.name(), UUID.fromString(actor.id()));
    }

    /** A partner of the current workspace. */
    public Viewer of(PartnerId partner) {
        return of(partners.get(partner), memberships.list(null, partner));
    }

    public static Viewer of(PartnerView partner, List<MembershipView> joined) {
        return new Viewer(
                partner.id(),
                joined.stream().map(m -> m.programId().value()).collect(Collectors.toSet()),
                joined.stream()
                        .map(MembershipView::tierId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.<UUID>toSet()),
                partner.types(),
                Set.copyOf(partner.regions()));
    }
}
