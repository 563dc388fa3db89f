package dev.canopy.identity.security;

import dev.canopy.shared.WorkspacePrincipal;
import java.util.UUID;

/** A principal acting for a vendor account: a signed-in user, or an API key on behalf of its creator. */
public sealed interface AccountPrincipal extends WorkspacePrincipal permits VendorUser, ApiKeyPrincipal {

    /** The account answerable for what this principal does. */
    UUID accountId();
}
