package dev.canopy.commissions;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;

/** What the commissions list shows; null fields do not filter. {@code after} is the cursor (a commission id). */
public record CommissionFilter(CommissionStatus status, PartnerId partner, ProgramId program, String after) {

    public static CommissionFilter all() {
        return new CommissionFilter(null, null, null, null);
    }
}
