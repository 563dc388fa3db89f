package dev.canopy.platform;

import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Scheduled jobs and the demo data act in one workspace at a time as Canopy itself, so the services they
 * call filter by that workspace exactly as for a signed-in person.
 */
public final class AsSystem {

    /** Canopy acting in one workspace. */
    private record SystemPrincipal(WorkspaceId workspaceId, Actor actor) implements WorkspacePrincipal {}

    private AsSystem() {}

    public static <T> T in(WorkspaceId workspace, Actor actor, Supplier<T> action) {
        return as(new SystemPrincipal(workspace, actor), action);
    }

    /** Runs {@code action} as {@code principal} (the demo data acts as partner users too). */
    public static <T> T as(WorkspacePrincipal principal, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void in(WorkspaceId workspace, Runnable action) {
        in(workspace, Actor.system(), () -> {
            action.run();
            return null;
        });
    }
}
