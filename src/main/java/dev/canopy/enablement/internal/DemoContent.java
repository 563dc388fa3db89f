package dev.canopy.enablement.internal;

import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.Upload;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo workspace's content library: a pitch deck for every partner, a battlecard for resellers only, a
 * talk track, a demo video link and a price list that expires at the end of the quarter. Loaded once, after
 * the programmes.
 */
@Component
@Order(320)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoContent implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final ContentLibrary library;
    private final Programs programs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoContent(
            Workspaces workspaces,
            ContentLibrary library,
            Programs programs,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.library = library;
        this.programs = programs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (library.find(null, null, true).assets().isEmpty()
                    && !programs.list().isEmpty()) {
                transactions.executeWithoutResult(status -> load());
            }
            return null;
        });
    }

    private void load() {
        String resellers = programs.list().stream()
                .filter(p -> p.slug().equals("resellers"))
                .map(ProgramView::id)
                .findFirst()
                .orElseThrow()
                .value()
                .toString();
        library.create(
                input(
                        "FILE",
                        "Northwind partner pitch deck",
                        "The story to open with: who we serve and why we win.",
                        "Sales decks",
                        List.of("pitch", "overview"),
                        null,
                        null,
                        List.of(),
                        null),
                pdf(
                        "northwind-pitch-deck.pdf",
                        "Northwind Cloud Suite: one platform for inventory, orders and"
                                + " analytics. Customers cut stock-outs by 30 percent in the first quarter."));
        library.create(
                input(
                        "FILE",
                        "Battlecard: Northwind vs Contoso ERP",
                        "Objections and answers for competitive deals.",
                        "Battlecards",
                        List.of("competition"),
                        null,
                        null,
                        List.of(resellers),
                        null),
                pdf(
                        "battlecard-contoso.pdf",
                        "When the customer says Contoso is cheaper: total cost of ownership"
                                + " over three years, migration included, is lower with Northwind."));
        library.create(input(
                "TEXT",
                "Talk track: the first call",
                "Questions that qualify a deal in fifteen minutes.",
                "Playbooks",
                List.of("discovery"),
                null,
                """
                        ## Open
                        Ask what happens today when an order cannot be fulfilled.

                        ## Qualify
                        - Who signs off on a new system?
                        - Which system is being replaced, and when does its contract end?

                        Register the deal in the portal **before** the demo: approved registrations are protected.
                        """,
                List.of(),
                null));
        library.create(input(
                "LINK",
                "Product demo (12 minutes)",
                "The recorded demo to send after a first call.",
                "Demos",
                List.of("video"),
                "https://www.example.com/northwind/demo",
                null,
                List.of(),
                null));
        String quarterEnd = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusMonths(3)
                .withDayOfMonth(1)
                .toString();
        library.create(
                input(
                        "FILE",
                        "Partner price list",
                        "List prices and partner discounts; valid this quarter only.",
                        "Pricing",
                        List.of("pricing"),
                        null,
                        null,
                        List.of(resellers),
                        quarterEnd),
                pdf(
                        "partner-price-list.pdf",
                        "Cloud Suite list price 1,200 USD per site and year. Reseller"
                                + " discount 20 percent, Gold tier 30 percent."));
    }

    private static AssetInput input(
            String kind,
            String title,
            String description,
            String folder,
            List<String> tags,
            @Nullable String url,
            @Nullable String body,
            List<String> programIds,
            @Nullable String expireOn) {
        return new AssetInput(
                kind,
                title,
                description,
                folder,
                tags,
                List.of("Cloud Suite"),
                List.of(),
                List.of(),
                url,
                body,
                "ALL",
                programIds,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                expireOn);
    }

    /** A one-page PDF with {@code text}, as a vendor's real collateral would be. */
    private static Upload pdf(String name, String text) {
        return Upload.of(name, TextPdf.of(text));
    }
}
