package dev.canopy.programs.internal;

import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerPage;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ApplicationInput;
import dev.canopy.programs.CriterionInput;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.MetricReading;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Question;
import dev.canopy.programs.Recruitment;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo workspace's two programmes as the product brief describes them — a referral programme paying
 * 10–20 % of first-year contract value and a reseller programme with 15–30 % margin — with their tiers,
 * application questions and scoring, terms, and a few members, and an application through the public form that
 * scores too low for automatic approval, so it waits in the inbox. Loaded once, after the partners.
 */
@Component
@Order(300)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoPrograms implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;
    private final Recruitment recruitment;
    private final Partners partners;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoPrograms(
            Workspaces workspaces,
            Programs programs,
            Tiers tiers,
            Memberships memberships,
            Recruitment recruitment,
            Partners partners,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
        this.recruitment = recruitment;
        this.partners = partners;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (programs.list().isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        ProgramView referral = programs.create(new ProgramDraft(
                "Referral Partner Program",
                "referral",
                List.of("REFERRAL", "AFFILIATE", "AGENCY"),
                "Introduce us to companies that need Northwind Cloud and earn a referral fee on every customer you bring.",
                "COMMISSION",
                "10",
                "20",
                "first-year contract value",
                "USD",
                "Co-branded landing page, a referral link with QR code, a quarterly newsletter feature for Gold and above.",
                "A 30-minute product essentials course before your first referral.",
                "90",
                "30",
                "90",
                "90",
                true));
        ProgramView reseller = programs.create(new ProgramDraft(
                "Reseller Program",
                "resellers",
                List.of("RESELLER", "VALUE_ADDED_RESELLER", "MSP", "SYSTEM_INTEGRATOR"),
                "Resell Northwind Cloud to your customers at a discount on list price, with deal registration and co-selling support.",
                "MARGIN",
                "15",
                "30",
                "list price",
                "USD",
                "Market development funds from Silver, joint case studies, listing in the partner directory.",
                "Sales certification for at least one person; technical certification from Gold.",
                "90",
                "30",
                "180",
                "90",
                true));
        for (ProgramView program : List.of(referral, reseller)) {
            tiers.addTier(
                    program.id(),
                    tier("Registered", "Portal access, referral links, sales collateral.", null, null, null));
            tiers.addTier(
                    program.id(),
                    tier("Silver", "Deal registration protection and a partner manager.", "50000", "2", null));
            tiers.addTier(
                    program.id(), tier("Gold", "Higher rate, MDF eligibility, joint marketing.", "150000", "5", "2"));
            tiers.addTier(
                    program.id(),
                    tier("Platinum", "Top rate, executive sponsor, co-selling team.", "500000", "12", "5"));
            programs.publishTerms(
                    program.id(),
                    "Version 1 of the " + program.name() + " agreement: partners follow the brand "
                            + "guidelines, never bid on our brand terms, and disclose their partnership to customers.");
        }
        Question customers =
                programs.addQuestion(referral.id(), "How many companies do you advise in a year?", "NUMBER", true, "");
        Question region = programs.addQuestion(
                referral.id(),
                "Where are most of your clients?",
                "SINGLE_CHOICE",
                true,
                "EMEA\nNorth America\nAPAC\nLatin America");
        programs.addCriterion(
                referral.id(),
                new CriterionInput("NUMBER_AT_LEAST", customers.id().toString(), null, "20", null, "40"));
        programs.addCriterion(referral.id(), new CriterionInput("PARTNER_TYPE", null, null, null, "REFERRAL", "30"));
        programs.setAutomaticDecisions(referral.id(), "60", "10");
        programs.addQuestion(reseller.id(), "How many sales people will sell Northwind Cloud?", "NUMBER", true, "");

        enrol(workspace, reseller, "Bluebird Consulting", "180000", "6", "3");
        enrol(workspace, reseller, "Northstar Systems", "60000", "3", "1");
        enrol(workspace, reseller, "Cloudline Resellers", "0", "0", "0");
        enrol(workspace, referral, "Integrately", "20000", "1", "0");
        tiers.evaluate(referral.id());
        tiers.evaluate(reseller.id());

        // An agency advising 25 companies scores 40 (no points for its type): under the 60 that approves at once,
        // above the 10 that declines, so it waits for a person in the applications inbox.
        recruitment.apply(
                "northwind",
                referral.slug(),
                new ApplicationInput(
                        "Lakeside Digital",
                        "https://lakeside.example",
                        "Lena Lakeside",
                        "lena@lakeside.example",
                        List.of("AGENCY"),
                        "APAC",
                        Map.of(customers.id(), List.of("25"), region.id(), List.of("APAC"))),
                "demo data");
    }

    private void enrol(
            WorkspaceId workspace,
            ProgramView program,
            String partnerName,
            String revenue,
            String dealsWon,
            String certified) {
        PartnerPage found = partners.search(new PartnerSearch(partnerName, null, null, null, false, null, 1));
        PartnerId partner = found.partners().getFirst().id();
        memberships.enrol(program.id(), partner);
        tiers.recordMetric(
                workspace,
                new MetricReading(
                        partner,
                        TierMetric.PARTNER_SOURCED_REVENUE_12M,
                        new BigDecimal(revenue),
                        "USD",
                        clock.instant()));
        tiers.recordMetric(
                workspace,
                new MetricReading(partner, TierMetric.DEALS_WON, new BigDecimal(dealsWon), null, clock.instant()));
        tiers.recordMetric(
                workspace,
                new MetricReading(
                        partner, TierMetric.CERTIFIED_PEOPLE, new BigDecimal(certified), null, clock.instant()));
    }

    private static TierDraft tier(String name, String benefits, String revenue, String deals, String certified) {
        Map<TierMetric, String> thresholds = new java.util.EnumMap<>(TierMetric.class);
        if (revenue != null) {
            thresholds.put(TierMetric.PARTNER_SOURCED_REVENUE_12M, revenue);
        }
        if (deals != null) {
            thresholds.put(TierMetric.DEALS_WON, deals);
        }
        if (certified != null) {
            thresholds.put(TierMetric.CERTIFIED_PEOPLE, certified);
        }
        return new TierDraft(name, benefits, thresholds);
    }
}
