package dev.canopy.identity;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.internal.AccountTable;
import dev.canopy.identity.internal.MembershipTable;
import dev.canopy.identity.internal.PasswordPolicy;
import dev.canopy.identity.internal.PasswordResetTable;
import dev.canopy.identity.internal.Tokens;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forgotten passwords: a link by email that works once, for one hour. */
@Service
public class Passwords {

    public static final Duration RESET_LINK_VALIDITY = Duration.ofHours(1);

    private final AccountTable accounts;
    private final MembershipTable memberships;
    private final PasswordResetTable resets;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final AuditLog audit;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;
    private final BaseUrl baseUrl;

    Passwords(
            AccountTable accounts,
            MembershipTable memberships,
            PasswordResetTable resets,
            PasswordEncoder encoder,
            Mailer mailer,
            AuditLog audit,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            Clock clock,
            BaseUrl baseUrl) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.resets = resets;
        this.encoder = encoder;
        this.mailer = mailer;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Mails a reset link when an account has this address. Says nothing either way, so the form cannot be
     * used to find out who has an account.
     */
    @Transactional
    public void requestReset(String rawEmail) {
        EmailAddress email = new EmailAddress(rawEmail);
        accounts.findByEmail(email.value()).ifPresent(account -> {
            String token = Tokens.random(32);
            Instant now = clock.instant();
            resets.insert(Tokens.hash(token), account.id(), now, now.plus(RESET_LINK_VALIDITY));
            mailer.sendAfterCommit(new OutgoingMail(
                    email,
                    "Reset your Canopy password",
                    "password-reset",
                    Map.of(
                            "name",
                            account.displayName(),
                            "link",
                            baseUrl.link("/reset-password?token=" + token),
                            "validMinutes",
                            RESET_LINK_VALIDITY.toMinutes()),
                    workspacesOf(account.id())));
        });
    }

    public boolean resetLinkUsable(String token) {
        return token != null && token.length() <= 100 && resets.usable(Tokens.hash(token), clock.instant());
    }

    /** Sets the new password, voids the account's other reset links and signs out its sessions. */
    @Transactional
    public void reset(String token, String newPassword) {
        if (!resetLinkUsable(token)) {
            throw new InvalidInputException(
                    "token", "This reset link has expired or was used already. Ask for a new one.");
        }
        Instant now = clock.instant();
        UUID accountId = resets.use(Tokens.hash(token), now)
                .orElseThrow(() -> new InvalidInputException(
                        "token", "This reset link has expired or was used already. Ask for a new one."));
        AccountTable.Account account = accounts.find(accountId).orElseThrow();
        PasswordPolicy.check("password", newPassword, account.email());
        accounts.changePassword(accountId, encoder.encode(newPassword));
        resets.voidOthers(accountId, now);
        sessions.findByPrincipalName(account.email()).keySet().forEach(sessions::deleteById);
        Actor actor =
                new Actor(Actor.Kind.USER, accountId.toString(), account.displayName() + " <" + account.email() + ">");
        for (WorkspaceId workspace : workspacesOf(accountId)) {
            audit.record(workspace, actor, "account.password_reset", "account", accountId, null, null);
        }
    }

    private Set<WorkspaceId> workspacesOf(UUID accountId) {
        return memberships.memberships(accountId).stream()
                .map(MembershipTable.Membership::workspaceId)
                .collect(Collectors.toSet());
    }
}
