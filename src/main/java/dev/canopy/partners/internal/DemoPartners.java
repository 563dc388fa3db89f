package dev.canopy.partners.internal;

import dev.canopy.identity.Workspaces;
import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.partners.StatusChange;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo workspace's partner companies, one in each interesting state; Bluebird Consulting has a
 * portal user. Loaded once, after the workspace itself. (The company that applied, Lakeside Digital, is an
 * application in the programmes' inbox, not a partner yet: see the programmes' demo data.)
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoPartners implements ApplicationRunner {

    private record Seed(
            String name,
            String website,
            Set<PartnerType> types,
            List<String> regions,
            List<String> verticals,
            String size,
            PartnerStatus status,
            String reason,
            int daysSinceActivity) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed(
                    "Northstar Systems",
                    "https://northstar-systems.example",
                    Set.of(PartnerType.SYSTEM_INTEGRATOR),
                    List.of("North America"),
                    List.of("Financial services"),
                    "201-1000",
                    PartnerStatus.ACTIVE,
                    null,
                    3),
            new Seed(
                    "Cloudline Resellers",
                    "https://cloudline.example",
                    Set.of(PartnerType.RESELLER, PartnerType.MSP),
                    List.of("EMEA"),
                    List.of("Retail", "Manufacturing"),
                    "51-200",
                    PartnerStatus.ACTIVE,
                    null,
                    120),
            new Seed(
                    "Integrately",
                    "https://integrately.example",
                    Set.of(PartnerType.TECHNOLOGY, PartnerType.ISV),
                    List.of("Global"),
                    List.of("SaaS"),
                    "11-50",
                    PartnerStatus.ACTIVE,
                    null,
                    10),
            new Seed(
                    "Referral Rocket",
                    "https://referralrocket.example",
                    Set.of(PartnerType.REFERRAL, PartnerType.AFFILIATE),
                    List.of("North America"),
                    List.of("Marketing"),
                    "1-10",
                    PartnerStatus.SUSPENDED,
                    "Paid-search ads on our brand terms against the programme rules",
                    40));

    private final Workspaces workspaces;
    private final Partners partners;
    private final PartnerTable table;
    private final StatusChangeTable history;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoPartners(
            Workspaces workspaces,
            Partners partners,
            PartnerTable table,
            StatusChangeTable history,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.partners = partners;
        this.table = table;
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        // Any partner at all means the demo (or its user) has been here: never seed over real work.
        boolean loaded = !table.search(
                        workspace, new PartnerSearch(null, null, null, null, false, null, 1), clock.instant(), 1)
                .isEmpty();
        if (!loaded) {
            transactions.executeWithoutResult(status -> load(workspace));
        }
    }

    private void load(WorkspaceId workspace) {
        Actor demo = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");
        PartnerView bluebird = partners.admitFromApplication(
                workspace,
                demo,
                new NewPartner(
                        "Bluebird Consulting",
                        "https://bluebird-consulting.example",
                        Set.of(PartnerType.SYSTEM_INTEGRATOR, PartnerType.VALUE_ADDED_RESELLER),
                        List.of("EMEA"),
                        List.of("Healthcare", "Public sector"),
                        "51-200",
                        "Pat Bluebird",
                        "pat@bluebird-consulting.example"));
        table.recordActivity(workspace, bluebird.id(), clock.instant());
        Instant now = clock.instant();
        for (Seed seed : SEEDS) {
            PartnerId id = PartnerId.random();
            table.insert(
                    workspace,
                    new PartnerTable.Row(
                            id,
                            seed.name(),
                            seed.website(),
                            seed.types(),
                            seed.regions(),
                            seed.verticals(),
                            seed.size(),
                            seed.status(),
                            seed.reason()),
                    now.minus(Duration.ofDays(150)));
            history.insert(workspace, id, new StatusChange(null, seed.status(), seed.reason(), demo.name(), now));
            if (seed.daysSinceActivity() > 0) {
                table.recordActivity(workspace, id, now.minus(Duration.ofDays(seed.daysSinceActivity())));
            }
        }
    }
}
