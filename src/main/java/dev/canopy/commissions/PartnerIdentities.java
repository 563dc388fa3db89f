package dev.canopy.commissions;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.Optional;

/**
 * Who else a partner might be: payouts implements it over payout details and tax ids, for the
 * duplicate-accounts fraud rule. Without an implementation no partner is a duplicate.
 */
public interface PartnerIdentities {

    /** Why this partner looks like another one of the workspace ("same IBAN as Acme"), if it does. */
    Optional<String> duplicateOf(WorkspaceId workspace, PartnerId partner);
}
