package dev.canopy.identity;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.internal.PartnerUserTable;
import dev.canopy.identity.internal.PasswordPolicy;
import dev.canopy.identity.internal.Tokens;
import dev.canopy.identity.internal.WorkspaceTable;
import dev.canopy.identity.security.PartnerUser;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Language;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who of a partner company may use the partner portal: invitations by email, joining by setting a
 * password, colleagues managed by the company's partner admins, and access closed with the company.
 */
@Service
public class PartnerAccess {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

    /** An invitation as the invited partner user sees it. */
    public record OpenInvitation(String workspaceName, String workspaceSlug, String email, String displayName) {}

    private final PartnerUserTable users;
    private final WorkspaceTable workspaces;
    private final PasswordEncoder passwords;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Mailer mailer;
    private final BaseUrl baseUrl;
    private final Branding branding;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartnerAccess(
            PartnerUserTable users,
            WorkspaceTable workspaces,
            PasswordEncoder passwords,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Mailer mailer,
            BaseUrl baseUrl,
            Branding branding,
            ApplicationEventPublisher events,
            Clock clock) {
        this.branding = branding;
        this.users = users;
        this.workspaces = workspaces;
        this.passwords = passwords;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Invites someone of partner company {@code partnerId} to the portal. Works without a signed-in
     * principal (an application approved automatically), so the workspace and actor are explicit.
     */
    @Transactional
    public PartnerUserView invite(
            WorkspaceId workspace, Actor actor, UUID partnerId, String rawEmail, String displayName, PartnerRole role) {
        EmailAddress[] email = new EmailAddress[1];
        InvalidInputException.collect(() -> email[0] = new EmailAddress(rawEmail), () -> requireName(displayName));
        UUID id = UUID.randomUUID();
        String token = Tokens.random(32);
        Instant now = clock.instant();
        if (!users.insertInvited(
                id,
                workspace,
                partnerId,
                email[0].value(),
                displayName.strip(),
                role,
                Tokens.hash(token),
                now,
                now.plus(INVITATION_VALIDITY))) {
            throw new ConflictException("email", email[0] + " already has a partner portal account");
        }
        PartnerUserView created = users.find(workspace, id).orElseThrow();
        audit.record(workspace, actor, "partner.user.invited", "partner_user", id, null, created);
        String workspaceName = workspaces.find(workspace).orElseThrow().name();
        mailer.sendAfterCommit(new OutgoingMail(
                email[0],
                workspaceName + " invited you to its partner portal",
                "partner-invitation",
                withBrand(
                        workspace,
                        Map.of(
                                "name", displayName.strip(),
                                "workspaceName", workspaceName,
                                "invitedBy", actor.name(),
                                "link", baseUrl.link("/portal/join/" + token),
                                "expiresAt", now.plus(INVITATION_VALIDITY))),
                Set.of(workspace)));
        return created;
    }

    /** An email's variables with the workspace's brand, which partners' emails show. */
    private Map<String, Object> withBrand(WorkspaceId workspace, Map<String, Object> variables) {
        Map<String, Object> model = new HashMap<>(branding.forMail(workspace));
        model.putAll(variables);
        return model;
    }

    /** A partner admin invites a colleague of their own company. */
    @Transactional
    public PartnerUserView inviteColleague(String email, String displayName, String role) {
        PartnerUser admin = partnerAdmin();
        PartnerRole[] parsed = new PartnerRole[1];
        InvalidInputException.collect(() -> parsed[0] = PartnerRole.parse(role));
        return invite(admin.workspaceId(), admin.actor(), admin.partnerId(), email, displayName, parsed[0]);
    }

    /** The users of a partner company: for vendor staff, or for that company's own users. */
    @Transactional(readOnly = true)
    public List<PartnerUserView> users(UUID partnerId) {
        requireSameCompanyIfPartner(partnerId);
        return users.list(currentWorkspace.id(), partnerId);
    }

    /** Removes a partner user: by vendor staff, or by a partner admin of the same company. */
    @Transactional
    public void remove(UUID userId) {
        PartnerUserView user =
                users.find(currentWorkspace.id(), userId).orElseThrow(() -> new NotFoundException("Partner user"));
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped partner) {
            if (!user.partnerId().equals(partner.partnerId())) {
                throw new NotFoundException("Partner user");
            }
            PartnerUser admin = partnerAdmin();
            if (admin.id().equals(userId)) {
                throw new ConflictException(null, "You cannot remove yourself; ask another partner admin");
            }
        }
        users.remove(currentWorkspace.id(), userId, clock.instant());
        audit.record("partner.user.removed", "partner_user", userId, user, null);
    }

    @Transactional(readOnly = true)
    public Optional<OpenInvitation> openInvitation(String token) {
        return invitation(token).map(i -> {
            WorkspaceView workspace = workspaces.find(i.workspaceId()).orElseThrow();
            return new OpenInvitation(workspace.name(), workspace.slug(), i.email(), i.displayName());
        });
    }

    /** Sets the invited user's name and password; their company may then become active. */
    @Transactional
    public PartnerUserView join(String token, String displayName, String password) {
        PartnerUserTable.Invitation invitation =
                invitation(token).orElseThrow(() -> new NotFoundException("Invitation (the link may have expired)"));
        InvalidInputException.collect(
                () -> requireName(displayName), () -> PasswordPolicy.check("password", password, invitation.email()));
        if (!users.join(invitation.id(), displayName.strip(), passwords.encode(password), clock.instant())) {
            throw new ConflictException(null, "This invitation was used or expired meanwhile");
        }
        PartnerUserView joined =
                users.find(invitation.workspaceId(), invitation.id()).orElseThrow();
        Actor actor = new Actor(
                Actor.Kind.PARTNER_USER, joined.id().toString(), joined.displayName() + " <" + joined.email() + ">");
        audit.record(invitation.workspaceId(), actor, "partner.user.joined", "partner_user", joined.id(), null, joined);
        events.publishEvent(
                new PartnerUserJoined(invitation.workspaceId(), joined.partnerId(), joined.id(), joined.displayName()));
        return joined;
    }

    /** Opens or closes the portal for every user of a company (it was suspended, banned or reinstated). */
    @Transactional
    public void setPortalOpen(WorkspaceId workspace, UUID partnerId, boolean open) {
        users.blockAccess(workspace, partnerId, !open);
    }

    private Optional<PartnerUserTable.Invitation> invitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return users.invitation(Tokens.hash(token), clock.instant());
    }

    private void requireSameCompanyIfPartner(UUID partnerId) {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped partner
                && !partner.partnerId().equals(partnerId)) {
            throw new NotFoundException("Partner");
        }
    }

    /** The signed-in partner user's portal language, kept on the account so that it follows them. */
    @Transactional
    public void chooseLanguage(Language language) {
        if (!(currentWorkspace.principal().orElseThrow() instanceof PartnerUser user)) {
            throw new AccessDeniedException("Only a partner user chooses a portal language");
        }
        users.setLanguage(user.id(), language.tag());
    }

    private PartnerUser partnerAdmin() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerUser user && user.admin()) {
            return user;
        }
        throw new AccessDeniedException("Only a partner admin can manage the company's users");
    }

    private static void requireName(String displayName) {
        Workspaces.requireText("displayName", displayName, 120);
    }
}
