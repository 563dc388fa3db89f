package dev.canopy.tracking.internal;

import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.LinkId;
import dev.canopy.tracking.LinkView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A partner's personal link: one per programme it is a member of, to the vendor's website (or the first allowed
 * domain's home page), made when first needed — never a second one beside an existing one.
 */
@Component
public class PersonalLinks {

    private final AllowedDomainTable domains;
    private final LinkTable links;
    private final Memberships memberships;
    private final Programs programs;
    private final Workspaces workspaces;
    private final LinkSlugs slugs;
    private final Clock clock;

    PersonalLinks(
            AllowedDomainTable domains,
            LinkTable links,
            Memberships memberships,
            Programs programs,
            Workspaces workspaces,
            LinkSlugs slugs,
            Clock clock) {
        this.domains = domains;
        this.links = links;
        this.memberships = memberships;
        this.programs = programs;
        this.workspaces = workspaces;
        this.slugs = slugs;
        this.clock = clock;
    }

    /** The personal links the partner lacks, to be stored; none while the workspace allows no domain. */
    public List<LinkTable.Row> missing(WorkspaceId workspace, PartnerId partner) {
        List<String> allowed = domains.list(workspace);
        if (allowed.isEmpty()) {
            return List.of();
        }
        String destination = defaultDestination(allowed);
        List<LinkTable.Row> missing = new ArrayList<>();
        for (MembershipView membership : memberships.list(null, partner)) {
            if (!links.hasPersonal(workspace, partner, membership.programId())) {
                ProgramView program = programs.get(membership.programId());
                missing.add(new LinkTable.Row(
                        new LinkId(UUID.randomUUID()),
                        partner,
                        program.id(),
                        slugs.forProgramme(workspace, partner, program),
                        Destinations.check(destination, allowed).toString(),
                        LinkView.Utm.NONE,
                        true,
                        false,
                        clock.instant()));
            }
        }
        return missing;
    }

    /** The workspace's website when links may lead there, else the home page of the first allowed domain. */
    private String defaultDestination(List<String> allowed) {
        String website = workspaces.current().website();
        try {
            return Destinations.check(website, allowed).toString();
        } catch (InvalidInputException e) {
            return "https://" + allowed.getFirst() + "/";
        }
    }
}
