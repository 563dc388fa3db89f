package dev.canopy.identity.security;

import dev.canopy.identity.Permission;
import dev.canopy.identity.Role;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A vendor staff member signed in to the console, acting in one of their workspaces. */
public final class VendorUser implements UserDetails, CredentialsContainer, AccountPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A workspace this person may switch to. */
    public record WorkspaceChoice(WorkspaceId id, String slug, String name, Role role)
            implements java.io.Serializable {}

    private final UUID accountId;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final WorkspaceChoice current;
    private final List<WorkspaceChoice> workspaces;

    public VendorUser(
            UUID accountId,
            String email,
            String displayName,
            String passwordHash,
            WorkspaceChoice current,
            List<WorkspaceChoice> workspaces) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.current = current;
        this.workspaces = List.copyOf(workspaces);
    }

    /** The same person acting in another of their workspaces. */
    public VendorUser switchTo(WorkspaceChoice workspace) {
        return new VendorUser(accountId, email, displayName, null, workspace, workspaces);
    }

    @Override
    public UUID accountId() {
        return accountId;
    }

    @Override
    public WorkspaceId workspaceId() {
        return current.id();
    }

    @Override
    public Actor actor() {
        return new Actor(Actor.Kind.USER, accountId.toString(), displayName + " <" + email + ">");
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return current.role();
    }

    public WorkspaceChoice workspace() {
        return current;
    }

    public List<WorkspaceChoice> workspaces() {
        return workspaces;
    }

    /** Whether this user holds the permission named by {@code authority}, for showing or hiding actions. */
    public boolean can(String authority) {
        return current.role().permissions().stream().anyMatch(p -> p.authority().equals(authority));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_VENDOR"));
        for (Permission permission : current.role().permissions()) {
            authorities.add(new SimpleGrantedAuthority(permission.authority()));
        }
        return authorities;
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
