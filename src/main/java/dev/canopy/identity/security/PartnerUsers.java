package dev.canopy.identity.security;

import dev.canopy.identity.internal.PartnerUserTable;
import dev.canopy.shared.EmailAddress;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads partner users for the portal's sign-in: only those who have set a password, are not removed, and
 * whose company's portal is open. Not a {@code UserDetailsService} bean: the portal's filter chain has its own
 * authentication manager over it (see {@code SecurityConfiguration}), and no global one exists.
 */
@Component
public class PartnerUsers {

    private final PartnerUserTable users;

    PartnerUsers(PartnerUserTable users) {
        this.users = users;
    }

    public PartnerUser loadUserByUsername(String email) {
        return EmailAddress.parse(email)
                .flatMap(address -> users.credential(address.value()))
                .map(user -> new PartnerUser(
                        user.id(),
                        user.partnerId(),
                        user.workspaceId(),
                        user.email(),
                        user.displayName(),
                        user.role(),
                        user.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No partner user"));
    }
}
