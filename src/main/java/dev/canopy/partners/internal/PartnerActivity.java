package dev.canopy.partners.internal;

import dev.canopy.identity.PartnerUserJoined;
import dev.canopy.identity.PartnerUserSignedIn;
import dev.canopy.partners.PartnerAction;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.shared.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps partners' status and last activity in step with what their users do in the portal. */
@Component
class PartnerActivity {

    private final Partners partners;

    PartnerActivity(Partners partners) {
        this.partners = partners;
    }

    @ApplicationModuleListener
    void on(PartnerUserJoined joined) {
        partners.activateOnFirstJoin(
                joined.workspaceId(),
                new PartnerId(joined.partnerId()),
                new Actor(Actor.Kind.PARTNER_USER, joined.partnerUserId().toString(), joined.displayName()));
    }

    @ApplicationModuleListener
    void on(PartnerUserSignedIn signedIn) {
        partners.recordActivity(signedIn.workspaceId(), new PartnerId(signedIn.partnerId()), signedIn.at());
    }

    /** In the acting transaction, as a direct call would: a deal registered and its activity commit together. */
    @EventListener
    void on(PartnerAction action) {
        partners.recordActivity(action.workspace(), action.partner(), action.at());
    }
}
