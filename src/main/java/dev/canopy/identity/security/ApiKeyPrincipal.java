package dev.canopy.identity.security;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.util.UUID;

/** A request authenticated by an API key: scoped to the key's workspace, answerable to its creator. */
public record ApiKeyPrincipal(UUID keyId, String name, WorkspaceId workspaceId, ApiKeyScope scope, UUID accountId)
        implements AccountPrincipal {

    @Override
    public Actor actor() {
        return new Actor(Actor.Kind.API_KEY, keyId.toString(), "API key " + name);
    }
}
