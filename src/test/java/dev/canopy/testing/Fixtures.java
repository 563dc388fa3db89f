package dev.canopy.testing;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Role;
import dev.canopy.identity.Workspaces;
import dev.canopy.identity.security.VendorAccounts;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Builds workspaces, people and keys through the real services, each with unique names. */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    /** A workspace and its owner. */
    public record Tenant(WorkspaceId id, String slug, VendorUser owner) {}

    private final Workspaces workspaces;
    private final VendorAccounts vendorAccounts;
    private final ApiKeys apiKeys;
    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final MutableClock clock;
    private final Partners partners;

    Fixtures(
            Workspaces workspaces,
            VendorAccounts vendorAccounts,
            ApiKeys apiKeys,
            JdbcClient db,
            PasswordEncoder encoder,
            MutableClock clock,
            Partners partners) {
        this.workspaces = workspaces;
        this.vendorAccounts = vendorAccounts;
        this.apiKeys = apiKeys;
        this.db = db;
        this.encoder = encoder;
        this.clock = clock;
        this.partners = partners;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueEmail(String name) {
        return unique(name).toLowerCase(Locale.ROOT) + "@example.com";
    }

    public Tenant newWorkspace() {
        String slug = unique("ws");
        Workspaces.SignedUp signedUp = workspaces.signUp(
                new Workspaces.SignUp("Company " + slug, slug, "Owner " + slug, uniqueEmail("owner"), PASSWORD));
        return new Tenant(
                signedUp.workspaceId(),
                slug,
                vendorAccounts
                        .load(signedUp.accountId(), signedUp.workspaceId())
                        .orElseThrow());
    }

    /** A new person with {@code role} in the tenant's workspace. */
    public VendorUser member(Tenant tenant, Role role) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        db.sql(
                        "insert into identity_account (id, email, display_name, password_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(id, uniqueEmail(role.name()), "Member " + role.label(), encoder.encode(PASSWORD), now)
                .update();
        db.sql("insert into identity_membership (workspace_id, account_id, role, joined_at) values (?, ?, ?, ?)")
                .params(tenant.id().value(), id, role.name(), now)
                .update();
        return vendorAccounts.load(id, tenant.id()).orElseThrow();
    }

    /**
     * A partner company of the tenant's workspace, added by its owner, whose invited contact has joined the
     * portal with {@link #PASSWORD}; returns the contact's email.
     */
    public String partnerUser(Tenant tenant) {
        String email = uniqueEmail("partner");
        as(
                tenant.owner(),
                () -> partners.invite(new NewPartner(
                        "Partner " + email,
                        null,
                        Set.of(PartnerType.RESELLER),
                        List.of("EMEA"),
                        List.of(),
                        null,
                        "Partner Person",
                        email)));
        db.sql("update identity_partner_user set password_hash = ?, invitation_token_hash = null where email = ?")
                .params(encoder.encode(PASSWORD), email)
                .update();
        return email;
    }

    /** The id of the partner company a partner user belongs to. */
    public PartnerId partnerOf(String partnerUserEmail) {
        return new PartnerId(db.sql("select partner_id from identity_partner_user where email = ?")
                .param(partnerUserEmail)
                .query(UUID.class)
                .single());
    }

    public String apiKey(Tenant tenant, ApiKeyScope scope) {
        return as(tenant.owner(), () -> apiKeys.create("Test key", scope).secret());
    }

    /** Runs {@code action} signed in as {@code user}, as a request of theirs would. */
    public <T> T as(VendorUser user, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** MockMvc: the request is made by {@code user}. */
    public static RequestPostProcessor signedIn(VendorUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** The session cookie a response set: sessions live in PostgreSQL, so the cookie is the session. */
    public static jakarta.servlet.http.Cookie session(org.springframework.test.web.servlet.MvcResult result) {
        jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("CANOPY_SESSION");
        if (cookie == null) {
            throw new AssertionError("The response set no session cookie");
        }
        return cookie;
    }

    public long count(String table, WorkspaceId workspace) {
        return db.sql("select count(*) from " + table + " where workspace_id = ?")
                .param(workspace.value())
                .query(Long.class)
                .single();
    }
}
