package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Requirements that another module sets on tiers (enablement's certification requirements). A partner qualifies
 * for a tier only when it meets them too; losing one is a drop below the tier like any other, so the programme's
 * demotion grace period applies. Implementations run inside the caller's transaction and filter by workspace.
 */
public interface TierRequirements {

    /** Per partner, the requirements on the programme's tiers as it stands at {@code now} (absent: none). */
    Map<PartnerId, List<TierRequirement>> of(
            WorkspaceId workspace, ProgramId program, Collection<PartnerId> partners, Instant now);
}
