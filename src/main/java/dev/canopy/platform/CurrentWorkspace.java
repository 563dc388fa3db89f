package dev.canopy.platform;

import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant of the current request, taken from the signed-in principal. Repositories ask this for the
 * workspace to filter by, so no caller can forget it or pass another workspace's id.
 */
@Component
public class CurrentWorkspace {

    public Optional<WorkspacePrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WorkspacePrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The workspace the caller acts in; refuses when nobody is signed in to one. */
    public WorkspaceId id() {
        return principal()
                .map(WorkspacePrincipal::workspaceId)
                .orElseThrow(() -> new AccessDeniedException("No workspace in this request"));
    }

    public Actor actor() {
        return principal().map(WorkspacePrincipal::actor).orElseGet(Actor::system);
    }
}
