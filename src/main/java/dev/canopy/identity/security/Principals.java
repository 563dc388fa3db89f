package dev.canopy.identity.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The identity module's view of who is signed in. */
public final class Principals {

    private Principals() {}

    public static AccountPrincipal account() {
        return optionalAccount().orElseThrow(() -> new AccessDeniedException("Not signed in to a workspace"));
    }

    public static Optional<AccountPrincipal> optionalAccount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }
}
