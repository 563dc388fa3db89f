package dev.canopy.identity;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.internal.AccountTable;
import dev.canopy.identity.internal.MembershipTable;
import dev.canopy.identity.internal.PasswordPolicy;
import dev.canopy.identity.internal.SlugPolicy;
import dev.canopy.identity.internal.WorkspaceTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces: a vendor company signs up for one, and its admins keep its settings. */
@Service
public class Workspaces {

    private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);

    public record SignUp(String companyName, String slug, String ownerName, String email, String password) {}

    public record SignedUp(WorkspaceId workspaceId, UUID accountId) {}

    public record Settings(String name, String website, String timezone, String currency) {}

    private final WorkspaceTable workspaces;
    private final AccountTable accounts;
    private final MembershipTable memberships;
    private final PasswordEncoder passwords;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Workspaces(
            WorkspaceTable workspaces,
            AccountTable accounts,
            MembershipTable memberships,
            PasswordEncoder passwords,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.memberships = memberships;
        this.passwords = passwords;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SignedUp signUp(SignUp form) {
        String[] slug = new String[1];
        EmailAddress[] email = new EmailAddress[1];
        InvalidInputException.collect(
                () -> requireText("companyName", form.companyName(), 120),
                () -> slug[0] = SlugPolicy.check("slug", form.slug()),
                () -> requireText("ownerName", form.ownerName(), 120),
                () -> email[0] = new EmailAddress(form.email()),
                () -> PasswordPolicy.check("password", form.password(), form.email()));

        Instant now = clock.instant();
        WorkspaceId workspace = WorkspaceId.random();
        if (!workspaces.insert(workspace, slug[0], form.companyName().strip(), now)) {
            throw new ConflictException("slug", "The address '" + slug[0] + "' is taken, choose another");
        }
        UUID account = UUID.randomUUID();
        String name = form.ownerName().strip();
        if (!accounts.insert(account, email[0], name, passwords.encode(form.password()), now)) {
            throw new ConflictException(
                    "email", "An account with this email exists. Sign in, or reset your password if you forgot it.");
        }
        memberships.insert(workspace, account, Role.OWNER, now);
        Actor owner = new Actor(Actor.Kind.USER, account.toString(), name + " <" + email[0] + ">");
        audit.record(
                workspace,
                owner,
                "workspace.created",
                "workspace",
                workspace,
                null,
                workspaces.find(workspace).orElseThrow());
        audit.record(
                workspace,
                owner,
                "team.member.added",
                "account",
                account,
                null,
                memberships.member(workspace, account).orElseThrow());
        return new SignedUp(workspace, account);
    }

    /** What is wrong with {@code slug} as a new workspace's address, if anything. */
    public Optional<String> slugProblem(String slug) {
        try {
            String checked = SlugPolicy.check("slug", slug);
            return workspaces.slugTaken(checked) ? Optional.of("Taken, choose another") : Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.problems().getFirst().message());
        }
    }

    /** A workspace by its public address, for pages that name it in the URL (and the demo data). */
    @Transactional(readOnly = true)
    public Optional<WorkspaceView> bySlug(String slug) {
        return slug == null
                ? Optional.empty()
                : workspaces.findBySlug(slug.strip().toLowerCase(Locale.ROOT));
    }

    /** A workspace by its id, for work that runs outside any request (webhooks, background writers). */
    @Transactional(readOnly = true)
    public Optional<WorkspaceView> byId(WorkspaceId id) {
        return workspaces.find(id);
    }

    @Transactional(readOnly = true)
    public WorkspaceView current() {
        return workspaces.find(currentWorkspace.id()).orElseThrow(() -> new NotFoundException("Workspace"));
    }

    @Transactional
    public WorkspaceView update(Settings settings) {
        InvalidInputException.collect(
                () -> requireText("name", settings.name(), 120),
                () -> checkWebsite(settings.website()),
                () -> checkTimezone(settings.timezone()),
                () -> checkCurrency(settings.currency()));
        WorkspaceView before = current();
        workspaces.update(
                before.id(),
                settings.name().strip(),
                blankToNull(settings.website()),
                settings.timezone().strip(),
                settings.currency().strip().toUpperCase(Locale.ROOT));
        WorkspaceView after = current();
        audit.record("workspace.updated", "workspace", after.id(), before, after);
        return after;
    }

    static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required");
        }
        if (value.strip().length() > maxLength) {
            throw new InvalidInputException(field, "Use at most " + maxLength + " characters");
        }
    }

    private static void checkWebsite(String website) {
        if (website != null
                && !website.isBlank()
                && (website.length() > 200 || !WEBSITE.matcher(website.strip()).matches())) {
            throw new InvalidInputException("website", "Enter a full address starting with https://");
        }
    }

    private static void checkTimezone(String timezone) {
        try {
            ZoneId.of(timezone == null ? "" : timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timezone", "Choose a time zone such as Europe/Berlin");
        }
    }

    private static void checkCurrency(String currency) {
        try {
            Currency.getInstance(currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "Use a three-letter ISO 4217 code such as USD or EUR");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
