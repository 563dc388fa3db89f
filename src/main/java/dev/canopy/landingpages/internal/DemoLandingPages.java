package dev.canopy.landingpages.internal;

import dev.canopy.identity.Workspaces;
import dev.canopy.landingpages.LandingPageTemplates;
import dev.canopy.landingpages.Section;
import dev.canopy.landingpages.TemplateInput;
import dev.canopy.landingpages.TemplateView;
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
 * The demo workspace's landing pages: one published template and Bluebird Consulting's page on it, as if its admin
 * had turned it on, so that the console, the portal and the public page show something. Loaded once, last.
 */
@Component
@Order(530)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoLandingPages implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private static final TemplateInput TEMPLATE = new TemplateInput(
            "Northwind Cloud Suite with a partner",
            "Move to Northwind Cloud Suite with {{partner.name}}",
            List.of(
                    new Section(
                            "",
                            "{{partner.logo}}\n\n**{{partner.name}}** is a certified Northwind partner: it plans your"
                                    + " move, runs it and stays with you after."),
                    new Section("About {{partner.name}}", "{{partner.text}}"),
                    new Section(
                            "Why Northwind Cloud Suite",
                            "- One suite for finance, sales and service\n- Hosted in the EU or the US\n"
                                    + "- 99.95 % availability, in the contract"),
                    new Section("Talk to us", "{{partner.contact}}")),
            "Talk to {{partner.name}}");

    private final Workspaces workspaces;
    private final LandingPageTemplates templates;
    private final LandingTemplateTable templateTable;
    private final LandingPageTable pages;
    private final Partners partners;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoLandingPages(
            Workspaces workspaces,
            LandingPageTemplates templates,
            LandingTemplateTable templateTable,
            LandingPageTable pages,
            Partners partners,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.templates = templates;
        this.templateTable = templateTable;
        this.pages = pages;
        this.partners = partners;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (templateTable.all(workspace).isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        TemplateView template = templates.publish(templates.create(TEMPLATE).id(), true);
        List<PartnerView> found = partners.search(
                        new PartnerSearch("Bluebird Consulting", null, null, null, false, null, 1))
                .partners();
        if (found.isEmpty()) {
            return;
        }
        PartnerView bluebird = found.getFirst();
        pages.save(
                workspace,
                bluebird.id(),
                new LandingPageTable.Settings(
                        template.id(),
                        LandingSlugs.of(bluebird.name()),
                        true,
                        "Since 2012 we have moved **120 hospitals and city administrations** to the cloud, on time"
                                + " and within budget.",
                        "hello@bluebird-consulting.example",
                        "+44 20 7946 0000"),
                DatabaseTime.now(clock),
                DEMO.name());
    }
}
