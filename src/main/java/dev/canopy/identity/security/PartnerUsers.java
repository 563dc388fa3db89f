package dev.canopy.identity.security;

import dev.canopy.identity.internal.PartnerUserTable;
import dev.canopy.shared.EmailAddress;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads partner users for the portal's sign-in: only those who have set a password, are not removed, and
 * whose company's portal is open.
 */
@Component
public class PartnerUsers implements UserDetailsService {

    private final PartnerUserTable users;

    PartnerUsers(PartnerUserTable users) {
        this.users = users;
    }

    @Override
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
