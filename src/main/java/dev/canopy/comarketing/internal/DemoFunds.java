package dev.canopy.comarketing.internal;

import dev.canopy.comarketing.AllocationInput;
import dev.canopy.comarketing.BudgetInput;
import dev.canopy.comarketing.BudgetView;
import dev.canopy.comarketing.ClaimLineInput;
import dev.canopy.comarketing.FundClaimView;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestInput;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.Funds;
import dev.canopy.comarketing.LineReview;
import dev.canopy.comarketing.MdfReturns;
import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.enablement.Upload;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.PdfFonts;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's market development funds: a reseller budget of this quarter, allocated to Bluebird (an amount) and
 * Northstar (an accrual); Bluebird's newsletter approved, claimed and accepted (owed in the next payout run, one won
 * deal counted for it), its webinar claimed and waiting for review, and a trade-show booth waiting for two approvals.
 * Loaded once, after payouts.
 */
@Component
@Order(520)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoFunds implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private record DemoPartner(WorkspaceId workspaceId, UUID partnerId) implements WorkspacePrincipal, PartnerScoped {
        @Override
        public Actor actor() {
            return new Actor(Actor.Kind.USER, "demo-partner", "Pat Partner");
        }
    }

    private final Workspaces workspaces;
    private final Funds funds;
    private final FundRequests requests;
    private final FundClaims claims;
    private final MdfReturns returns;
    private final Programs programs;
    private final Partners partners;
    private final Deals deals;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoFunds(
            Workspaces workspaces,
            Funds funds,
            FundRequests requests,
            FundClaims claims,
            MdfReturns returns,
            Programs programs,
            Partners partners,
            Deals deals,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.funds = funds;
        this.requests = requests;
        this.claims = claims;
        this.returns = returns;
        this.programs = programs;
        this.partners = partners;
        this.deals = deals;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (funds.list().isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        ProgramView resellers = programs.list().stream()
                .filter(p -> p.slug().equals("resellers"))
                .findFirst()
                .orElseThrow();
        String currency = resellers.reward().currency();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PartnerId bluebird = partner("Bluebird Consulting");
        PartnerId northstar = partner("Northstar Systems");
        BudgetView budget = funds.create(new BudgetInput(
                resellers.id().toString(),
                "Reseller co-marketing, this quarter",
                today.minusDays(30).toString(),
                today.plusDays(60).toString(),
                currency,
                "50000",
                "30",
                "5000"));
        funds.allocate(budget.id(), new AllocationInput(bluebird.value().toString(), null, "12000", null));
        funds.allocate(budget.id(), new AllocationInput(northstar.value().toString(), null, "8000", "5"));

        FundRequestView newsletter = as(
                workspace,
                bluebird,
                () -> requests.submit(activity(
                        budget,
                        "EMAIL",
                        "Partner newsletter: Cloud Suite spring edition",
                        today.minusDays(20),
                        "800")));
        requests.approve(newsletter.id(), null);
        FundClaimView sent = as(
                workspace,
                bluebird,
                () -> claims.submit(newsletter.id(), List.of(line("Newsletter design and send", "750"))));
        claims.review(
                sent.id(), List.of(new LineReview(sent.lines().getFirst().id().toString(), "ACCEPTED", null, null)));
        deals.search(new DealQuery(DealStatus.WON, bluebird, null, 1)).deals().stream()
                .findFirst()
                .map(DealView::id)
                .ifPresent(won -> returns.link(newsletter.id(), won.toString()));

        FundRequestView webinar = as(
                workspace,
                bluebird,
                () -> requests.submit(activity(
                        budget, "WEBINAR", "Cloud migration webinar for retail CIOs", today.minusDays(10), "3000")));
        requests.approve(webinar.id(), null);
        as(
                workspace,
                bluebird,
                () -> claims.submit(
                        webinar.id(),
                        List.of(line("Webinar platform, one month", "1200"), line("LinkedIn ads", "1500"))));

        as(
                workspace,
                bluebird,
                () -> requests.submit(
                        activity(budget, "TRADE_SHOW", "Retail Tech Expo booth", today.plusDays(30), "6000")));
    }

    private static FundRequestInput activity(
            BudgetView budget, String type, String title, LocalDate starts, String cost) {
        return new FundRequestInput(
                budget.id().toString(),
                type,
                title,
                "Planned with the Northwind partner team.",
                starts.toString(),
                starts.plusDays(1).toString(),
                cost,
                "25");
    }

    private static ClaimLineInput line(String description, String amount) {
        return new ClaimLineInput(
                description,
                amount,
                Upload.of(description.replaceAll("[^A-Za-z]+", "-") + ".pdf", invoice(description, amount)));
    }

    /** A one-page invoice to stand for the receipt. */
    private static byte[] invoice(String description, String amount) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(PdfFonts.load(document), 14);
                text.newLineAtOffset(72, 700);
                text.showText("Invoice: " + description + " — " + amount);
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PartnerId partner(String name) {
        return partners.search(new PartnerSearch(name, null, null, null, false, null, 1)).partners().stream()
                .findFirst()
                .orElseThrow()
                .id();
    }

    private <T> T as(WorkspaceId workspace, PartnerId partner, Supplier<T> action) {
        return AsSystem.as(new DemoPartner(workspace, partner.value()), action);
    }
}
