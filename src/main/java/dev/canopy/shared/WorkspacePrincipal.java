package dev.canopy.shared;

/**
 * A signed-in principal that acts inside exactly one workspace: a vendor user, a partner user or an
 * API key. Modules read the tenant and the actor through this, never through identity's classes.
 */
public interface WorkspacePrincipal {

    WorkspaceId workspaceId();

    Actor actor();
}
