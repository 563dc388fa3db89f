package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.ConversionTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether a partner has brought a lead yet (campaigns nudge the users of partners that have not). */
@Service
public class PartnerLeads {

    private final ConversionTable conversions;

    PartnerLeads(ConversionTable conversions) {
        this.conversions = conversions;
    }

    @Transactional(readOnly = true)
    public boolean any(WorkspaceId workspace, PartnerId partner) {
        return conversions.anyLead(workspace, partner);
    }
}
