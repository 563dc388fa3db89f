package dev.canopy.directory.internal;

import dev.canopy.directory.Directory;
import dev.canopy.directory.DirectoryEntry;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo workspace's directory, on, with three partners listed as if their admins had opted in, so that the
 * public page, its JSON and the embed show something. Loaded once, after the partners, programmes and courses.
 */
@Component
@Order(340)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoDirectory implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private record Seed(String partner, String description, List<String> services, String email) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed(
                    "Bluebird Consulting",
                    "Healthcare and public-sector specialists: we plan, migrate and run Northwind Cloud Suite for"
                            + " hospitals and city administrations across Europe.",
                    List.of("Implementation", "Migration", "Managed services"),
                    "hello@bluebird-consulting.example"),
            new Seed(
                    "Cloudline Resellers",
                    "Licences, onboarding and first-line support for retailers and manufacturers in EMEA.",
                    List.of("Licensing", "Onboarding", "Support"),
                    "sales@cloudline.example"),
            new Seed(
                    "Northstar Systems",
                    "Systems integrator for banks and insurers in North America: integrations, data and security.",
                    List.of("Integration", "Implementation", "Security reviews"),
                    "partners@northstar.example"));

    private final Workspaces workspaces;
    private final Directory directory;
    private final Partners partners;
    private final ListingTable listings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoDirectory(
            Workspaces workspaces,
            Directory directory,
            Partners partners,
            ListingTable listings,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.directory = directory;
        this.partners = partners;
        this.listings = listings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (listings.all(workspace).isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        directory.enable(true);
        for (Seed seed : SEEDS) {
            List<PartnerView> found = partners.search(
                            new PartnerSearch(seed.partner(), null, null, null, false, null, 1))
                    .partners();
            if (found.isEmpty()) {
                continue;
            }
            DirectoryEntry entry = directory.entry(found.getFirst().id());
            listings.save(
                    workspace,
                    new ListingTable.Row(
                            entry.partnerId(),
                            entry.slug(),
                            true,
                            false,
                            null,
                            seed.description(),
                            entry.website(),
                            seed.email(),
                            seed.services(),
                            entry.industries(),
                            entry.regions(),
                            DatabaseTime.now(clock)),
                    DEMO.name());
        }
    }
}
