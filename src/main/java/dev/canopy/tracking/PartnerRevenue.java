package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.ConversionTable;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The revenue attributed to a partner over a period, for what is earned as a share of it (MDF accruals). */
@Service
public class PartnerRevenue {

    private final ConversionTable conversions;

    PartnerRevenue(ConversionTable conversions) {
        this.conversions = conversions;
    }

    /** Sales less refunds attributed to {@code partner} in {@code currency}, from {@code from} until {@code to}. */
    @Transactional(readOnly = true)
    public Money net(WorkspaceId workspace, PartnerId partner, String currency, Instant from, Instant to) {
        return Money.of(conversions.netRevenue(workspace, partner, currency, from, to), currency);
    }
}
