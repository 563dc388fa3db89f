package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.WorkspaceId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A partner's ref (its name as a slug, the snippet's {@code ?ref=}) and the free link slugs made from it:
 * "bluebird-consulting-resellers", then "…-2" when that is taken.
 */
@Component
public class LinkSlugs {

    private final RefTable refs;
    private final LinkTable links;
    private final Partners partners;

    LinkSlugs(RefTable refs, LinkTable links, Partners partners) {
        this.refs = refs;
        this.links = links;
        this.partners = partners;
    }

    /** The partner's ref, made from its name the first time it is needed. */
    public String refFor(WorkspaceId workspace, PartnerId partner) {
        Optional<String> existing = refs.refOf(workspace, partner);
        if (existing.isPresent()) {
            return existing.get();
        }
        String base = LinkRules.slugOf(partners.get(partner).name(), 24);
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (refs.claim(workspace, partner, candidate)) {
                return candidate;
            }
            Optional<String> claimed = refs.refOf(workspace, partner);
            if (claimed.isPresent()) {
                return claimed.get();
            }
        }
    }

    /** A free slug for a link of the partner in the programme: its ref and the programme's slug. */
    public String forProgramme(WorkspaceId workspace, PartnerId partner, ProgramView program) {
        return free(workspace, refFor(workspace, partner) + "-" + LinkRules.slugOf(program.slug(), 20));
    }

    private String free(WorkspaceId workspace, String base) {
        String slug = LinkRules.checkSlug(LinkRules.slugOf(base, 60));
        for (int n = 2; links.slugTaken(workspace, slug, null); n++) {
            slug = LinkRules.slugOf(base, 56) + "-" + n;
        }
        return slug;
    }
}
