package dev.canopy.identity.internal;

import dev.canopy.identity.Role;
import dev.canopy.identity.Workspaces;
import dev.canopy.shared.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo run's workspace, "Northwind Cloud", with one person per role. Loaded on the first start only
 * (the data directory keeps it). Other modules add their demo data after it (higher {@link Order}).
 */
@Component
@Order(DemoWorkspace.ORDER)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
public class DemoWorkspace implements ApplicationRunner {

    public static final int ORDER = 100;
    public static final String SLUG = "northwind";
    public static final String PASSWORD = "canopy-demo-2026";
    static final String OWNER = "owner@northwind.example";

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    record Person(String email, String name, Role role) {}

    static final List<Person> TEAM = List.of(
            new Person("admin@northwind.example", "Alex Admin", Role.ADMIN),
            new Person("partners@northwind.example", "Priya Partner-Manager", Role.PARTNER_MANAGER),
            new Person("finance@northwind.example", "Felix Finance", Role.FINANCE),
            new Person("sales@northwind.example", "Sam Sales", Role.SALES),
            new Person("analyst@northwind.example", "Ana Analyst", Role.ANALYST));

    private final Workspaces workspaces;
    private final AccountTable accounts;
    private final MembershipTable memberships;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoWorkspace(
            Workspaces workspaces,
            AccountTable accounts,
            MembershipTable memberships,
            PasswordEncoder encoder,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.memberships = memberships;
        this.encoder = encoder;
        this.transactions = transactions;
        this.clock = clock;
    }

    private boolean loadedThisStart;

    @Override
    public void run(ApplicationArguments args) {
        if (workspaces.bySlug(SLUG).isEmpty()) {
            transactions.executeWithoutResult(status -> load());
            loadedThisStart = true;
            log.info("Loaded the demo workspace '{}'", SLUG);
        }
    }

    /** Whether the demo data was loaded by this start (rather than kept from an earlier one). */
    boolean loadedThisStart() {
        return loadedThisStart;
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
    }
}
