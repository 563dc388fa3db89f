package dev.canopy.identity.security;

import dev.canopy.identity.internal.AccountTable;
import dev.canopy.identity.internal.MembershipTable;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads vendor staff for sign-in: their account and the workspaces they belong to. Not a {@code UserDetailsService}
 * bean: the console's filter chain has its own authentication manager over it (see {@code SecurityConfiguration}).
 */
@Component
public class VendorAccounts {

    private final AccountTable accounts;
    private final MembershipTable memberships;

    VendorAccounts(AccountTable accounts, MembershipTable memberships) {
        this.accounts = accounts;
        this.memberships = memberships;
    }

    /** Signs in to the first workspace joined; the switcher in the console moves to another. */
    public VendorUser loadUserByUsername(String email) {
        return EmailAddress.parse(email)
                .flatMap(address -> accounts.findByEmail(address.value()))
                .flatMap(account -> load(account, Optional.empty()))
                .orElseThrow(() -> new UsernameNotFoundException("No vendor account with a workspace"));
    }

    /** The account acting in {@code workspace}, or in its first workspace when none is asked for. */
    public Optional<VendorUser> load(UUID accountId, WorkspaceId workspace) {
        return accounts.find(accountId).flatMap(account -> load(account, Optional.of(workspace)));
    }

    private Optional<VendorUser> load(AccountTable.Account account, Optional<WorkspaceId> wanted) {
        List<VendorUser.WorkspaceChoice> choices = memberships.memberships(account.id()).stream()
                .map(m ->
                        new VendorUser.WorkspaceChoice(m.workspaceId(), m.workspaceSlug(), m.workspaceName(), m.role()))
                .toList();
        return choices.stream()
                .filter(c -> wanted.map(w -> w.equals(c.id())).orElse(true))
                .findFirst()
                .map(current -> new VendorUser(
                        account.id(),
                        account.email(),
                        account.displayName(),
                        account.passwordHash(),
                        current,
                        choices));
    }
}
