package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * Requirements that another module sets on registering deals (enablement's certification requirements). A
 * registration under a programme is refused while one of them is closed; deals registered before keep their
 * protection. Implementations run inside the caller's transaction and filter by workspace.
 */
public interface RegistrationRequirements {

    /** The requirements for registering deals under {@code program}, as the partner stands at {@code now}. */
    List<RegistrationRequirement> of(WorkspaceId workspace, ProgramView program, PartnerId partner, Instant now);
}
