package dev.canopy.commissions.internal;

import dev.canopy.commissions.Commissions;
import dev.canopy.deals.DealWon;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.tracking.ConversionAttributed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Conversions and won deals become commissions. Deliveries go through the event publication registry,
 * so one that fails or is cut short by a crash is delivered again; the source's id makes that harmless.
 */
@Component
class CommissionListener {

    private final Commissions commissions;

    CommissionListener(Commissions commissions) {
        this.commissions = commissions;
    }

    @ApplicationModuleListener
    void on(ConversionAttributed conversion) {
        AsSystem.in(conversion.workspace(), Actor.system(), () -> {
            commissions.record(conversion);
            return null;
        });
    }

    @ApplicationModuleListener
    void on(DealWon won) {
        AsSystem.in(won.workspace(), Actor.system(), () -> {
            commissions.record(won);
            return null;
        });
    }
}
