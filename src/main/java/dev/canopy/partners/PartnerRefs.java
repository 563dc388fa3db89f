package dev.canopy.partners;

import java.util.Collection;
import java.util.Map;

/**
 * Partners' refs — the short public names the events API accepts to attribute a lead or sale — offered by the
 * tracking module (which owns them and depends on partners, not the other way round) so that the partners API
 * can show them.
 */
public interface PartnerRefs {

    /** The refs of those of {@code partners} in the current workspace that have one (given with a first link). */
    Map<PartnerId, String> refsOf(Collection<PartnerId> partners);
}
