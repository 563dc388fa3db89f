package dev.canopy.analytics;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.Map;

/**
 * Where the dashboards' certified people come from: enablement counts, per partner, the people holding a certificate
 * in force today.
 */
public interface CertifiedPeople {

    /** People certified today per partner of {@code workspace}; partners without any may be left out. */
    Map<PartnerId, Long> certifiedPeople(WorkspaceId workspace);
}
