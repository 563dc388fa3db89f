package dev.canopy.partners;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** Something a partner did that counts as activity: dormancy is measured from the latest. */
public interface PartnerAction extends DomainEvent {

    WorkspaceId workspace();

    PartnerId partner();

    Instant at();
}
