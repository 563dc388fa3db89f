package dev.canopy.identity;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.internal.AccountTable;
import dev.canopy.identity.internal.InvitationTable;
import dev.canopy.identity.internal.MembershipTable;
import dev.canopy.identity.internal.PasswordPolicy;
import dev.canopy.identity.internal.Tokens;
import dev.canopy.identity.internal.WorkspaceTable;
import dev.canopy.identity.security.Principals;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's team: members and their roles, and invitations by email. */
@Service
public class Team {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    /** An invitation as the invited person sees it, from the link in their email. */
    public record OpenInvitation(
            String workspaceName, String email, Role role, String invitedBy, Instant expiresAt, boolean hasAccount) {}

    /** Who joined which workspace by accepting. */
    public record Joined(UUID accountId, WorkspaceId workspaceId) {}

    private final MembershipTable memberships;
    private final InvitationTable invitations;
    private final AccountTable accounts;
    private final WorkspaceTable workspaces;
    private final PasswordEncoder passwords;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;
    private final BaseUrl baseUrl;

    Team(
            MembershipTable memberships,
            InvitationTable invitations,
            AccountTable accounts,
            WorkspaceTable workspaces,
            PasswordEncoder passwords,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Mailer mailer,
            Clock clock,
            BaseUrl baseUrl) {
        this.memberships = memberships;
        this.invitations = invitations;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.passwords = passwords;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Transactional(readOnly = true)
    public List<MemberView> members() {
        return memberships.members(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public List<InvitationView> invitations() {
        return invitations.list(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public InvitationView invitation(UUID id) {
        return invitations.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Invitation"));
    }

    @Transactional
    public InvitationView invite(String rawEmail, String roleName) {
        EmailAddress[] email = new EmailAddress[1];
        Role[] role = new Role[1];
        InvalidInputException.collect(() -> email[0] = new EmailAddress(rawEmail), () -> {
            role[0] = Role.parse(roleName);
            if (!role[0].invitable()) {
                throw new InvalidInputException("role", "Choose a role other than owner");
            }
        });
        WorkspaceId workspace = currentWorkspace.id();
        if (memberships.memberByEmail(workspace, email[0].value()).isPresent()) {
            throw new ConflictException("email", email[0] + " is already a member of this workspace");
        }
        UUID id = UUID.randomUUID();
        String token = Tokens.random(32);
        Instant now = clock.instant();
        if (!invitations.insert(
                id,
                workspace,
                email[0].value(),
                role[0],
                Tokens.hash(token),
                Principals.account().accountId(),
                now,
                now.plus(INVITATION_VALIDITY))) {
            throw new ConflictException("email", email[0] + " has an open invitation already; resend it instead");
        }
        InvitationView created = invitation(id);
        audit.record("team.invitation.created", "invitation", id, null, created);
        mailInvitation(created, token);
        return created;
    }

    /** A new link for an open invitation, valid for another week; the old link stops working. */
    @Transactional
    public InvitationView resend(UUID id) {
        InvitationView before = invitation(id);
        String token = Tokens.random(32);
        if (!invitations.renew(
                currentWorkspace.id(), id, Tokens.hash(token), clock.instant().plus(INVITATION_VALIDITY))) {
            throw new ConflictException(null, "This invitation was already accepted or revoked");
        }
        InvitationView after = invitation(id);
        audit.record("team.invitation.resent", "invitation", id, before, after);
        mailInvitation(after, token);
        return after;
    }

    @Transactional
    public InvitationView revoke(UUID id) {
        InvitationView before = invitation(id);
        if (!invitations.revoke(currentWorkspace.id(), id, clock.instant())) {
            throw new ConflictException(null, "This invitation was already accepted or revoked");
        }
        InvitationView after = invitation(id);
        audit.record("team.invitation.revoked", "invitation", id, before, after);
        return after;
    }

    @Transactional
    public MemberView changeRole(UUID accountId, String roleName) {
        Role role = Role.parse(roleName);
        WorkspaceId workspace = currentWorkspace.id();
        memberships.lock(workspace);
        MemberView before = member(accountId);
        if (role == Role.OWNER || before.role() == Role.OWNER) {
            requireOwner();
        }
        if (before.role() == Role.OWNER && role != Role.OWNER && memberships.countOwners(workspace) == 1) {
            throw new ConflictException("role", "A workspace needs at least one owner; make someone else owner first");
        }
        memberships.changeRole(workspace, accountId, role);
        MemberView after = member(accountId);
        audit.record("team.member.role_changed", "account", accountId, before, after);
        return after;
    }

    @Transactional
    public void remove(UUID accountId) {
        WorkspaceId workspace = currentWorkspace.id();
        memberships.lock(workspace);
        MemberView before = member(accountId);
        if (before.role() == Role.OWNER) {
            requireOwner();
            if (memberships.countOwners(workspace) == 1) {
                throw new ConflictException(
                        null, "A workspace needs at least one owner; make someone else owner first");
            }
        }
        memberships.delete(workspace, accountId);
        audit.record("team.member.removed", "account", accountId, before, null);
    }

    @Transactional(readOnly = true)
    public Optional<OpenInvitation> openInvitation(String token) {
        return pending(token)
                .map(p -> new OpenInvitation(
                        p.workspaceName(),
                        p.invitation().email(),
                        p.invitation().role(),
                        p.invitation().invitedBy(),
                        p.invitation().expiresAt(),
                        accounts.findByEmail(p.invitation().email()).isPresent()));
    }

    /**
     * Joins the workspace from an invitation link. A new person chooses a name and password; someone who
     * has an account already proves it with their password (and {@code displayName} is ignored).
     */
    @Transactional
    public Joined accept(String token, String displayName, String password) {
        InvitationTable.Pending pending =
                pending(token).orElseThrow(() -> new NotFoundException("Invitation (the link may have expired)"));
        InvitationView invitation = pending.invitation();
        Instant now = clock.instant();
        Optional<AccountTable.Account> existing = accounts.findByEmail(invitation.email());
        UUID accountId;
        if (existing.isPresent()) {
            if (password == null || !passwords.matches(password, existing.get().passwordHash())) {
                throw new InvalidInputException("password", "That is not the password of " + invitation.email());
            }
            accountId = existing.get().id();
        } else {
            InvalidInputException.collect(
                    () -> Workspaces.requireText("displayName", displayName, 120),
                    () -> PasswordPolicy.check("password", password, invitation.email()));
            accountId = UUID.randomUUID();
            accounts.insert(
                    accountId,
                    new EmailAddress(invitation.email()),
                    displayName.strip(),
                    passwords.encode(password),
                    now);
        }
        if (!invitations.accept(invitation.id(), now)) {
            throw new ConflictException(null, "This invitation was accepted, revoked or expired meanwhile");
        }
        memberships.insert(pending.workspaceId(), accountId, invitation.role(), now);
        AccountTable.Account account = accounts.find(accountId).orElseThrow();
        Actor actor =
                new Actor(Actor.Kind.USER, accountId.toString(), account.displayName() + " <" + account.email() + ">");
        audit.record(
                pending.workspaceId(),
                actor,
                "team.invitation.accepted",
                "invitation",
                invitation.id(),
                invitation,
                invitations.findByTokenHash(Tokens.hash(token)).orElseThrow().invitation());
        audit.record(
                pending.workspaceId(),
                actor,
                "team.member.added",
                "account",
                accountId,
                null,
                memberships.member(pending.workspaceId(), accountId).orElseThrow());
        return new Joined(accountId, pending.workspaceId());
    }

    private Optional<InvitationTable.Pending> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return invitations
                .findByTokenHash(Tokens.hash(token))
                .filter(p -> p.invitation().statusAt(clock.instant()) == InvitationView.Status.PENDING);
    }

    private MemberView member(UUID accountId) {
        return memberships.member(currentWorkspace.id(), accountId).orElseThrow(() -> new NotFoundException("Member"));
    }

    private void requireOwner() {
        if (!(Principals.account() instanceof dev.canopy.identity.security.VendorUser user)
                || user.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner can make or unmake owners");
        }
    }

    private void mailInvitation(InvitationView invitation, String token) {
        WorkspaceView workspace = workspaces.find(currentWorkspace.id()).orElseThrow();
        mailer.sendAfterCommit(new OutgoingMail(
                new EmailAddress(invitation.email()),
                invitation.invitedBy() + " invited you to " + workspace.name() + " on Canopy",
                "invitation",
                Map.of(
                        "workspaceName", workspace.name(),
                        "invitedBy", invitation.invitedBy(),
                        "role", invitation.role().label(),
                        "link", baseUrl.link("/invitations/" + token),
                        "expiresAt", invitation.expiresAt()),
                Set.of(workspace.id())));
    }
}
