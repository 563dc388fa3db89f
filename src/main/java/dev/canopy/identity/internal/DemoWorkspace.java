package dev.canopy.identity.internal;

import dev.canopy.identity.Role;
import dev.canopy.identity.Workspaces;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo run's workspace, "Northwind Cloud", with one person per role and a partner-portal user. Loaded
 * on the first start only (the data directory keeps it); the logins are printed at every start.
 */
@Component
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoWorkspace implements ApplicationRunner {

    static final String SLUG = "northwind";
    static final String PASSWORD = "canopy-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private record Person(String email, String name, Role role) {}

    private static final List<Person> TEAM = List.of(
            new Person("admin@northwind.example", "Alex Admin", Role.ADMIN),
            new Person("partners@northwind.example", "Priya Partner-Manager", Role.PARTNER_MANAGER),
            new Person("finance@northwind.example", "Felix Finance", Role.FINANCE),
            new Person("sales@northwind.example", "Sam Sales", Role.SALES),
            new Person("analyst@northwind.example", "Ana Analyst", Role.ANALYST));

    static final String OWNER = "owner@northwind.example";
    static final String PARTNER_USER = "pat@bluebird-consulting.example";

    private final Workspaces workspaces;
    private final WorkspaceTable workspaceTable;
    private final AccountTable accounts;
    private final MembershipTable memberships;
    private final PasswordEncoder encoder;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoWorkspace(
            Workspaces workspaces,
            WorkspaceTable workspaceTable,
            AccountTable accounts,
            MembershipTable memberships,
            PasswordEncoder encoder,
            JdbcClient db,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.workspaceTable = workspaceTable;
        this.accounts = accounts;
        this.memberships = memberships;
        this.encoder = encoder;
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (workspaceTable.findBySlug(SLUG).isEmpty()) {
            transactions.executeWithoutResult(status -> load());
            log.info("Loaded the demo workspace '{}'", SLUG);
        }
        StringBuilder logins =
                new StringBuilder("\n\n  Canopy demo is ready. Sign in with password '" + PASSWORD + "':\n");
        logins.append("    console  http://localhost:8080/login         ")
                .append(OWNER)
                .append(" (Owner)\n");
        TEAM.forEach(p -> logins.append("                                                ")
                .append(p.email())
                .append(" (")
                .append(p.role().label())
                .append(")\n"));
        logins.append("    portal   http://localhost:8080/portal/login  ")
                .append(PARTNER_USER)
                .append(" (partner user)\n");
        logins.append("    mail     http://localhost:8080/app/mail (as owner or admin)\n");
        log.info(logins.toString());
    }

    private void load() {
        Workspaces.SignedUp owner =
                workspaces.signUp(new Workspaces.SignUp("Northwind Cloud", SLUG, "Olivia Owner", OWNER, PASSWORD));
        Instant now = clock.instant();
        String hash = encoder.encode(PASSWORD);
        for (Person person : TEAM) {
            UUID id = UUID.randomUUID();
            accounts.insert(id, new EmailAddress(person.email()), person.name(), hash, now);
            memberships.insert(owner.workspaceId(), id, person.role(), now);
        }
        addPartnerUser(owner.workspaceId(), hash, now);
    }

    // The partners module will own partner companies; until then the demo user points at a fixed company id.
    private void addPartnerUser(WorkspaceId workspace, String hash, Instant now) {
        db.sql("""
                        insert into identity_partner_user (id, workspace_id, partner_id, email, display_name, password_hash, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        UUID.randomUUID(),
                        workspace.value(),
                        UUID.nameUUIDFromBytes("bluebird-consulting".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        PARTNER_USER,
                        "Pat Bluebird",
                        hash,
                        Timestamp.from(now))
                .update();
    }
}
