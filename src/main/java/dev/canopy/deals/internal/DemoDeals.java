package dev.canopy.deals.internal;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.DealOutcomes;
import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.LeadRoutingRules;
import dev.canopy.deals.Leads;
import dev.canopy.deals.NewDeal;
import dev.canopy.deals.NewLead;
import dev.canopy.deals.NewRoutingRule;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo workspace's deals: Northstar's approved registration of Wide World Importers and Bluebird's
 * later one of the same company (waiting, with its conflict), Bluebird's three won deals and one in proposal,
 * Integrately's won referral, a lead routing rule with two leads, and account lists of Northwind's and
 * Bluebird's that overlap. Loaded once, after the programmes; Bluebird's tier metrics stay as the programme
 * demo set them.
 */
@Component
@Order(310)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoDeals implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    /** The demo data acting as a partner company's user. */
    private record DemoPartner(WorkspaceId workspaceId, UUID partnerId) implements WorkspacePrincipal, PartnerScoped {
        @Override
        public Actor actor() {
            return DEMO;
        }
    }

    /** A deal a partner registered and won. */
    private record Sale(String account, String website, String amount) {}

    private final Workspaces workspaces;
    private final Deals deals;
    private final DealOutcomes outcomes;
    private final Leads leads;
    private final LeadRoutingRules routing;
    private final AccountMapping mapping;
    private final Partners partners;
    private final Programs programs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoDeals(
            Workspaces workspaces,
            Deals deals,
            DealOutcomes outcomes,
            Leads leads,
            LeadRoutingRules routing,
            AccountMapping mapping,
            Partners partners,
            Programs programs,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.deals = deals;
        this.outcomes = outcomes;
        this.leads = leads;
        this.routing = routing;
        this.mapping = mapping;
        this.partners = partners;
        this.programs = programs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (deals.search(new DealQuery(null, null, null, 1)).deals().isEmpty()
                    && !programs.list().isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        ProgramView reseller = program("resellers");
        ProgramView referral = program("referral");
        PartnerView bluebird = partner("Bluebird Consulting");
        PartnerView northstar = partner("Northstar Systems");
        PartnerView integrately = partner("Integrately");
        PartnerView cloudline = partner("Cloudline Resellers");

        mapping.uploadVendorAccounts("""
                name,domain,status
                Contoso Pharmaceuticals,contoso.com,customer
                Fabrikam,fabrikam.com,open opportunity
                Woodgrove Bank,woodgrovebank.com,customer
                Tailspin Toys,tailspintoys.com,open opportunity
                Alpine Ski House,alpineskihouse.com,prospect
                Adventure Works,adventure-works.com,customer
                """);
        as(workspace, bluebird, () -> mapping.uploadMine("""
                name,domain,status
                Fabrikam Inc.,www.fabrikam.com,customer
                Woodgrove Bank plc,woodgrovebank.com,open opportunity
                Tailspin Toys,tailspintoys.com,prospect
                Litware,litwareinc.com,customer
                Proseware,proseware.com,open opportunity
                """));
        as(workspace, bluebird, () -> mapping.setMyLevel("OVERLAPS"));
        mapping.setVendorLevel(bluebird.id(), "FULL");

        DealView protectedDeal = as(
                workspace,
                northstar,
                () -> deals.register(deal(reseller, "Wide World Importers", "wideworldimporters.com", "84000", 3)));
        deals.approve(protectedDeal.id());
        as(
                workspace,
                bluebird,
                () -> deals.register(
                        deal(reseller, "Wide World Importers Ltd", "https://shop.wideworldimporters.com", "92000", 2)));
        DealView working = as(
                workspace,
                bluebird,
                () -> deals.register(deal(reseller, "Trey Research", "treyresearch.net", "56000", 4)));
        deals.approve(working.id());
        deals.moveStage(working.id(), "PROPOSAL");
        // Bluebird's won deals earn it the reseller programme's bonus: the payouts demo pays one, approves one
        // and leaves one in its hold period, so Pat's earnings show every stage.
        for (Sale sale : List.of(
                new Sale("Litware", "litwareinc.com", "48000"),
                new Sale("Proseware", "proseware.com", "36000"),
                new Sale("Lamna Healthcare", "lamnahealthcare.com", "24000"))) {
            DealView sold = as(
                    workspace,
                    bluebird,
                    () -> deals.register(deal(reseller, sale.account(), sale.website(), sale.amount(), 1)));
            deals.approve(sold.id());
            outcomes.markWon(sold.id(), "", "");
        }
        DealView won = as(
                workspace,
                integrately,
                () -> deals.register(deal(referral, "Fourth Coffee", "fourthcoffee.com", "20000", 1)));
        deals.approve(won.id());
        outcomes.markWon(won.id(), "", "");

        routing.addRule(new NewRoutingRule("EMEA partners", "EMEA", "", ""));
        leads.create(new NewLead(
                "Lucerne Publishing",
                "lucernepublishing.com",
                "Lena Lucerne",
                "lena@lucernepublishing.com",
                "EMEA",
                "Asked for a demo at our London roadshow; 200 seats.",
                ""));
        leads.create(new NewLead(
                "Margie's Travel",
                "margiestravel.com",
                "Margie Miles",
                "margie@margiestravel.com",
                "EMEA",
                "Wants a reseller who can run the migration.",
                cloudline.id().toString()));
    }

    private NewDeal deal(ProgramView program, String name, String website, String amount, int months) {
        return new NewDeal(
                program.id().toString(),
                name,
                website,
                "Alex Buyer",
                "alex.buyer@" + website.replaceFirst("^https?://(shop\\.)?", ""),
                amount,
                program.reward().currency(),
                List.of("Northwind Cloud", "Premium support"),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .plusMonths(months)
                        .toString(),
                "Registered from the demo data.",
                "Retail");
    }

    private <T> T as(WorkspaceId workspace, PartnerView partner, java.util.function.Supplier<T> action) {
        return AsSystem.as(new DemoPartner(workspace, partner.id().value()), action);
    }

    private ProgramView program(String slug) {
        return programs.list().stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    private PartnerView partner(String name) {
        return partners.search(new PartnerSearch(name, null, null, null, false, null, 1))
                .partners()
                .getFirst();
    }
}
