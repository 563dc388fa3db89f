package dev.canopy.communications.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The signed-in partner user: whose notifications and read receipts a portal request may touch. */
@Component
public class PortalUsers {

    public record Me(WorkspaceId workspace, PartnerId partner, UUID user) {}

    private final CurrentWorkspace currentWorkspace;

    PortalUsers(CurrentWorkspace currentWorkspace) {
        this.currentWorkspace = currentWorkspace;
    }

    /** Empty for staff, API keys and Canopy itself. */
    public Optional<Me> current() {
        if (!(currentWorkspace.principal().orElse(null) instanceof PartnerScoped scoped)) {
            return Optional.empty();
        }
        Actor actor = currentWorkspace.actor();
        if (actor.kind() != Actor.Kind.PARTNER_USER) {
            return Optional.empty();
        }
        return Optional.of(
                new Me(currentWorkspace.id(), new PartnerId(scoped.partnerId()), UUID.fromString(actor.id())));
    }

    public Me me() {
        return current().orElseThrow(() -> new AccessDeniedException("Only a partner user has notifications"));
    }
}
