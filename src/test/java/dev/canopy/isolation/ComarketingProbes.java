package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.comarketing.AllocationInput;
import dev.canopy.comarketing.AllocationView;
import dev.canopy.comarketing.BudgetInput;
import dev.canopy.comarketing.BudgetView;
import dev.canopy.comarketing.ClaimLineInput;
import dev.canopy.comarketing.FundClaimView;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestInput;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.Funds;
import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.SampleFiles;
import dev.canopy.enablement.Upload;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Co-marketing: B's budget, allocation, requests (one waiting, one approved and claimed) and receipts, never read,
 * allocated, approved, rejected, extended, reviewed, withdrawn or claimed by A's staff or A's partner, and never on
 * A's MDF pages.
 */
class ComarketingProbes implements ModuleProbes {

    private static final String API = "/api/v1/mdf";

    private final ApplicationContext context;
    private BudgetView budget;
    private AllocationView allocation;
    private FundRequestView waiting;
    private FundRequestView approved;
    private FundClaimView claim;
    private LocalDate today;

    ComarketingProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        DealFixtures f = new DealFixtures(context);
        Funds funds = context.getBean(Funds.class);
        FundRequests requests = context.getBean(FundRequests.class);
        today = LocalDate.ofInstant(context.getBean(Clock.class).instant(), ZoneOffset.UTC);
        ProgramView program = f.program(victim);
        DealFixtures.Member member = f.member(victim, program);
        budget = f.asStaff(
                victim,
                () -> funds.create(new BudgetInput(
                        program.id().toString(),
                        "Victim MDF budget",
                        today.toString(),
                        today.plusDays(60).toString(),
                        "EUR",
                        "9000",
                        "30",
                        null)));
        allocation = f.asStaff(
                victim,
                () -> funds.allocate(
                        budget.id(), new AllocationInput(member.id().toString(), null, "5000", null)));
        waiting = f.asPartner(member, () -> requests.submit(activity("Victim roadshow", today)));
        approved = f.asPartner(member, () -> requests.submit(activity("Victim webinar", today)));
        f.asStaff(victim, () -> requests.approve(approved.id(), null));
        claim = f.asPartner(
                member,
                () -> context.getBean(FundClaims.class)
                        .submit(
                                approved.id(),
                                List.of(new ClaimLineInput(
                                        "Victim venue",
                                        "1000",
                                        Upload.of("venue.pdf", SampleFiles.pdf("Victim venue invoice"))))));
    }

    private FundRequestInput activity(String title, LocalDate starts) {
        return new FundRequestInput(
                budget.id().toString(),
                "EVENT",
                title,
                "",
                starts.toString(),
                starts.plusDays(1).toString(),
                "1000",
                "10");
    }

    @Override
    public List<Probe> probes() {
        String app = "/app/mdf";
        String receipt =
                "/claims/" + claim.id() + "/lines/" + claim.lines().getFirst().id() + "/receipt";
        String portal = "/portal/funds/requests/";
        return List.of(
                new Probe("/app/mdf/budgets/{id}", get(app + "/budgets/" + budget.id())),
                new Probe(
                        "/app/mdf/budgets/{id}/allocations",
                        post(app + "/budgets/" + budget.id() + "/allocations")
                                .param("tierId", "")
                                .param("partnerId", allocation.partnerId().toString())
                                .param("amount", "1")),
                new Probe(
                        "/app/mdf/budgets/{id}/allocations/{allocation}/remove",
                        post(app + "/budgets/" + budget.id() + "/allocations/" + allocation.id() + "/remove")),
                new Probe("/app/mdf/requests/{id}", get(app + "/requests/" + waiting.id())),
                new Probe(
                        "/app/mdf/requests/{id}/approve",
                        post(app + "/requests/" + waiting.id() + "/approve").param("amount", "")),
                new Probe(
                        "/app/mdf/requests/{id}/reject",
                        post(app + "/requests/" + waiting.id() + "/reject").param("reason", "Hijacked")),
                new Probe(
                        "/app/mdf/requests/{id}/extend",
                        post(app + "/requests/" + approved.id() + "/extend")
                                .param("claimDueOn", today.plusYears(1).toString())),
                new Probe(
                        "/app/mdf/claims/{claimId}/review",
                        post(app + "/claims/" + claim.id() + "/review")
                                .param(
                                        "lines[0].lineId",
                                        claim.lines().getFirst().id().toString())
                                .param("lines[0].decision", "ACCEPTED")),
                new Probe("/app/mdf/claims/{claimId}/lines/{lineId}/receipt", get(app + receipt)),
                new Probe("/portal/funds/requests/{id}", get(portal + waiting.id())),
                new Probe("/portal/funds/requests/{id}/cancel", post(portal + waiting.id() + "/cancel")),
                new Probe(
                        "/portal/funds/requests/{id}/extension",
                        post(portal + approved.id() + "/extension").param("reason", "Hijacked")),
                new Probe(
                        "/portal/funds/requests/{id}/claim",
                        multipart(portal + approved.id() + "/claim")
                                .file(new MockMultipartFile(
                                        "lines[0].receipt",
                                        "hijack.pdf",
                                        "application/pdf",
                                        SampleFiles.pdf("Hijacked")))
                                .param("lines[0].description", "Hijacked")
                                .param("lines[0].amount", "1")),
                new Probe("/portal/funds/claims/{claimId}/lines/{lineId}/receipt", get("/portal/funds" + receipt)),
                new Probe(
                        "/app/mdf/requests/{id}/deals",
                        post(app + "/requests/" + approved.id() + "/deals")
                                .param("dealId", UUID.randomUUID().toString())),
                new Probe(
                        "/app/mdf/requests/{id}/deals/{dealId}/remove",
                        post(app + "/requests/" + approved.id() + "/deals/" + UUID.randomUUID() + "/remove")),
                new Probe(
                        "/portal/funds/requests/{id}/deals",
                        post(portal + approved.id() + "/deals")
                                .param("dealId", UUID.randomUUID().toString())),
                new Probe(
                        "/portal/funds/requests/{id}/deals/{dealId}/remove",
                        post(portal + approved.id() + "/deals/" + UUID.randomUUID() + "/remove")),
                new Probe("/api/v1/mdf/budgets/{id}", get(API + "/budgets/" + budget.id())),
                new Probe(
                        "/api/v1/mdf/budgets/{id}/allocations", get(API + "/budgets/" + budget.id() + "/allocations")),
                new Probe(
                        "/api/v1/mdf/budgets/{id}/allocations",
                        json(post(API + "/budgets/" + budget.id() + "/allocations"), """
                                {"partnerId":"%s","amount":"1"}""".formatted(
                                        allocation.partnerId()))),
                new Probe("/api/v1/mdf/budgets/{id}/balances", get(API + "/budgets/" + budget.id() + "/balances")),
                new Probe("/api/v1/mdf/allocations/{id}", delete(API + "/allocations/" + allocation.id())),
                new Probe("/api/v1/mdf/requests/{id}", get(API + "/requests/" + waiting.id())),
                new Probe(
                        "/api/v1/mdf/requests/{id}/approve",
                        json(post(API + "/requests/" + waiting.id() + "/approve"), "{}")),
                new Probe(
                        "/api/v1/mdf/requests/{id}/reject",
                        json(post(API + "/requests/" + waiting.id() + "/reject"), "{\"reason\":\"Hijacked\"}")),
                new Probe(
                        "/api/v1/mdf/requests/{id}/extend",
                        json(
                                post(API + "/requests/" + approved.id() + "/extend"),
                                "{\"claimDueOn\":\"" + today.plusYears(1) + "\"}")),
                new Probe(
                        "/api/v1/mdf/requests/{id}/deals",
                        json(
                                post(API + "/requests/" + approved.id() + "/deals"),
                                "{\"dealId\":\"" + UUID.randomUUID() + "\"}")),
                new Probe(
                        "/api/v1/mdf/requests/{id}/deals/{dealId}",
                        delete(API + "/requests/" + approved.id() + "/deals/" + UUID.randomUUID())),
                new Probe("/api/v1/mdf/claims/{id}", get(API + "/claims/" + claim.id())),
                new Probe(
                        "/api/v1/mdf/claims/{id}/review",
                        json(
                                post(API + "/claims/" + claim.id() + "/review"),
                                "{\"lines\":[{\"lineId\":\""
                                        + claim.lines().getFirst().id() + "\",\"decision\":\"ACCEPTED\"}]}")));
    }

    @Override
    public List<String> secrets() {
        return List.of("Victim MDF budget", "Victim roadshow", "Victim webinar", "Victim venue");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/mdf"));
    }

    @Override
    public List<String> apiLists() {
        return List.of(API + "/budgets", API + "/requests", API + "/claims", API + "/returns");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/funds"));
    }
}
