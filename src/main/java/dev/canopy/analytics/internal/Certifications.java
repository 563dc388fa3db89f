package dev.canopy.analytics.internal;

import dev.canopy.analytics.Kpi;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.Map;

/**
 * Where the dashboards learn how many people at each partner hold a certification in force ({@link
 * Kpi#CERTIFIED_PEOPLE}): the module that certifies people provides it. Canopy has no such module yet, so the
 * dashboards count none; when one comes, this moves to the analytics module's API for it to implement (an API type no
 * other module uses is refused by ModuleApisAreUsedByOtherModules).
 */
public interface Certifications {

    /** People certified today per partner of {@code workspace}; partners without any may be left out. */
    Map<PartnerId, Long> certifiedPeople(WorkspaceId workspace);
}
