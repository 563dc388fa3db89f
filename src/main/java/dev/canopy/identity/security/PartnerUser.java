package dev.canopy.identity.security;

import dev.canopy.identity.PartnerRole;
import dev.canopy.shared.Actor;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A member of a partner company, signed in to the partner portal. Never reaches the console. */
public final class PartnerUser implements UserDetails, CredentialsContainer, WorkspacePrincipal, PartnerScoped {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final UUID partnerId;
    private final WorkspaceId workspaceId;
    private final String email;
    private final String displayName;
    private final PartnerRole role;
    private String passwordHash;

    public PartnerUser(
            UUID id,
            UUID partnerId,
            WorkspaceId workspaceId,
            String email,
            String displayName,
            PartnerRole role,
            String passwordHash) {
        this.id = id;
        this.partnerId = partnerId;
        this.workspaceId = workspaceId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public PartnerRole role() {
        return role;
    }

    public boolean admin() {
        return role == PartnerRole.ADMIN;
    }

    public UUID id() {
        return id;
    }

    @Override
    public UUID partnerId() {
        return partnerId;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public WorkspaceId workspaceId() {
        return workspaceId;
    }

    @Override
    public Actor actor() {
        return new Actor(Actor.Kind.PARTNER_USER, id.toString(), displayName + " <" + email + ">");
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role == PartnerRole.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_PARTNER"), new SimpleGrantedAuthority("ROLE_PARTNER_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_PARTNER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
