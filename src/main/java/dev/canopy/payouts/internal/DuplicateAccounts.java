package dev.canopy.payouts.internal;

import dev.canopy.commissions.PartnerIdentities;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Two partners with the same bank account, PayPal or Wise email, PAN or tax id may be one person twice. */
@Component
class DuplicateAccounts implements PartnerIdentities {

    private final ProfileTable profiles;

    DuplicateAccounts(ProfileTable profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<String> duplicateOf(WorkspaceId workspace, PartnerId partner) {
        return profiles.sameAs(workspace, partner).stream().findFirst();
    }
}
