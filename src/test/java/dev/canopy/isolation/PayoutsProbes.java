package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.deals.DealFixtures;
import dev.canopy.payouts.Form1099Report;
import dev.canopy.payouts.Form1099Row;
import dev.canopy.payouts.PayoutFixtures;
import dev.canopy.payouts.PayoutLineView;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Payouts: a GST-registered bank partner of B's paid in one run (with a statement and a self-billed invoice),
 * and a second run of B's waiting for approval. B's 1099 report lists the partner.
 */
class PayoutsProbes implements ModuleProbes {

    private final Fixtures fixtures;
    private final PayoutFixtures payouts;
    private final PayoutRuns runs;
    private final Form1099Report form1099;

    private UUID paidRun;
    private UUID openRun;
    private UUID line;
    private UUID partner;
    private String partnerName;

    PayoutsProbes(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.payouts = new PayoutFixtures(context);
        this.runs = context.getBean(PayoutRuns.class);
        this.form1099 = context.getBean(Form1099Report.class);
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        ProgramView program = payouts.referralProgramme(b, "INR");
        DealFixtures.Member member = payouts.bankPartner(b, program, PayoutFixtures.IBANS.getFirst());
        payouts.gstRegistered(b, member.id());
        payouts.vendorGstin(b);
        payouts.approvedCommission(b, program, member.id(), "1200000", "INR");
        PayoutRunView paid = payouts.paidRun(b);
        PayoutLineView paidLine = payouts.line(b, paid, member.id());
        payouts.approvedCommission(b, program, member.id(), "300000", "INR");
        paidRun = paid.id();
        openRun = fixtures.as(b.owner(), runs::start).id();
        line = paidLine.id();
        partner = member.id().value();
        partnerName = paidLine.partnerName();
        // B's own 1099 report lists the partner (its rupees have no rate to dollars): A's must not.
        if (fixtures.as(b.owner(), () -> form1099.report(null)).rows().stream()
                .map(Form1099Row::partner)
                .noneMatch(member.id()::equals)) {
            throw new IllegalStateException("B's 1099 report should list its partner, or the probe proves nothing");
        }
    }

    @Override
    public List<Probe> probes() {
        String paid = "/app/payouts/" + paidRun;
        String open = "/app/payouts/" + openRun;
        return List.of(
                new Probe("/app/payouts/{id}", get(paid)),
                new Probe("/app/payouts/{id}/resume", post(open + "/resume")),
                new Probe("/app/payouts/{id}/approve", post(open + "/approve")),
                new Probe("/app/payouts/{id}/export", post(open + "/export")),
                new Probe("/app/payouts/{id}/paid", post(open + "/paid")),
                new Probe("/app/payouts/{id}/files/{format}/{currency}", get(paid + "/files/bank/INR")),
                new Probe(
                        "/app/payouts/{id}/lines/{lineId}/statement.pdf",
                        get(paid + "/lines/" + line + "/statement.pdf")),
                new Probe(
                        "/app/payouts/{id}/lines/{lineId}/invoice.pdf", get(paid + "/lines/" + line + "/invoice.pdf")),
                new Probe("/app/partners/{id}/payout-details", get("/app/partners/" + partner + "/payout-details")),
                new Probe(
                        "/portal/earnings/statements/{lineId}.pdf",
                        get("/portal/earnings/statements/" + line + ".pdf")),
                new Probe("/portal/earnings/invoices/{lineId}.pdf", get("/portal/earnings/invoices/" + line + ".pdf")),
                new Probe("/api/v1/payout-runs/{id}", get("/api/v1/payout-runs/" + paidRun)),
                new Probe(
                        "/api/v1/payout-runs/{id}/files/{format}/{currency}",
                        get("/api/v1/payout-runs/" + paidRun + "/files/bank/INR")),
                new Probe("/api/v1/payout-runs/{id}/approve", post("/api/v1/payout-runs/" + openRun + "/approve")),
                new Probe("/api/v1/payout-runs/{id}/export", post("/api/v1/payout-runs/" + openRun + "/export")),
                new Probe("/api/v1/payout-runs/{id}/mark-paid", post("/api/v1/payout-runs/" + openRun + "/mark-paid")));
    }

    @Override
    public List<String> secrets() {
        return List.of(partnerName, PayoutFixtures.IBANS.getFirst());
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(
                get("/app/payouts"),
                get("/app/payouts/settings"),
                get("/app/reconciliation"),
                get("/app/reconciliation.csv"),
                get("/app/payouts/1099"),
                get("/app/payouts/1099.csv"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/payout-runs", "/api/v1/payout-runs/preview", "/api/v1/reconciliation");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/earnings"), get("/portal/payout-details"));
    }
}
