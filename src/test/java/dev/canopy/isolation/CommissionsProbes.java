package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionReview;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealFixtures;
import dev.canopy.partners.Partners;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Commissions: B's pending and held commissions (whose ids the bulk moves take in their body), B's plan
 * and rule, an exchange rate of B's, and B's bounty rule and partner, which A cannot grant a bounty.
 */
class CommissionsProbes implements ModuleProbes {

    private static final String MOVE = "/app/commissions/{move:approve|decline|hold|release}";

    private static final String RATE = "0.9876543219";

    private final Fixtures fixtures;
    private final CommissionFixtures commissions;
    private final Commissions service;
    private final CommissionReview review;
    private final ExchangeRates rates;
    private final Partners partners;

    private UUID pending;
    private UUID held;
    private UUID program;
    private UUID rule;
    private UUID partner;
    private String ruleName;
    private String partnerName;
    private CommissionRule bountyRule;
    private String bountyName;
    private String bountyReason;

    CommissionsProbes(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.commissions = new CommissionFixtures(context);
        this.service = context.getBean(Commissions.class);
        this.review = context.getBean(CommissionReview.class);
        this.rates = context.getBean(ExchangeRates.class);
        this.partners = context.getBean(Partners.class);
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        ProgramView p = commissions.referralProgram(b, "EUR", 30);
        DealFixtures.Member member = commissions.member(b, p);
        ruleName = Fixtures.unique("Victim fee");
        CommissionRule added =
                commissions.rule(b, p, CommissionFixtures.draft(ruleName, "DEAL_WON", "CONTRACT_VALUE", "15", null));
        commissions.dealWon(b, p, member.id(), "10000", "EUR");
        commissions.dealWon(b, p, member.id(), "20000", "EUR");
        List<UUID> made = fixtures.as(
                b.owner(),
                () -> service.list(CommissionFilter.all()).items().stream()
                        .map(c -> c.id())
                        .toList());
        pending = made.get(0);
        held = made.get(1);
        fixtures.as(b.owner(), () -> review.hold(List.of(held), "Looks odd"));
        fixtures.as(b.owner(), () -> rates.enter("USD", "EUR", "2026-01-01", RATE));
        bountyName = Fixtures.unique("Victim bounty");
        bountyRule = commissions.rule(b, p, CommissionFixtures.bounty(bountyName, "250", Map.of()));
        bountyReason = Fixtures.unique("Victim reason");
        commissions.bounty(b, member.id(), bountyRule, bountyReason);
        program = p.id().value();
        rule = added.id();
        partner = member.id().value();
        partnerName = fixtures.as(b.owner(), () -> partners.get(member.id()).name());
    }

    @Override
    public List<Probe> probes() {
        String plan = "/app/programs/" + program + "/commissions";
        return List.of(
                new Probe("/app/commissions/{id}", get("/app/commissions/" + pending)),
                new Probe(MOVE, ids(post("/app/commissions/approve"), pending)),
                new Probe(MOVE, ids(post("/app/commissions/decline"), pending).param("reason", "Hijacked")),
                new Probe(MOVE, ids(post("/app/commissions/hold"), pending).param("reason", "Hijacked")),
                new Probe(MOVE, ids(post("/app/commissions/release"), held)),
                new Probe("/app/programs/{programId}/commissions", get(plan)),
                new Probe("/app/programs/{programId}/commissions/rules/{ruleId}", get(plan + "/rules/" + rule)),
                new Probe("/app/programs/{programId}/commissions/rules", rule(post(plan + "/rules"))),
                new Probe("/app/programs/{programId}/commissions/rules/{ruleId}", rule(post(plan + "/rules/" + rule))),
                new Probe(
                        "/app/programs/{programId}/commissions/rules/{ruleId}/active",
                        post(plan + "/rules/" + rule + "/active").param("active", "false")),
                new Probe(
                        "/app/programs/{programId}/commissions/payout-minimum",
                        post(plan + "/payout-minimum").param("payoutMinimum", "5")),
                new Probe("/api/v1/commissions/{id}", get("/api/v1/commissions/" + pending)),
                new Probe("/api/v1/commissions/approve", json(post("/api/v1/commissions/approve"), pending, null)),
                new Probe(
                        "/api/v1/commissions/decline", json(post("/api/v1/commissions/decline"), pending, "Hijacked")),
                new Probe("/api/v1/commissions/hold", json(post("/api/v1/commissions/hold"), pending, "Hijacked")),
                new Probe("/api/v1/commissions/release", json(post("/api/v1/commissions/release"), held, null)),
                new Probe(
                        "/app/commissions/bounties",
                        post("/app/commissions/bounties")
                                .param("partnerId", partner.toString())
                                .param("ruleId", bountyRule.id().toString())
                                .param("reason", "Hijacked")
                                .param("token", UUID.randomUUID().toString())),
                new Probe(
                        "/api/v1/commissions/bounties",
                        post("/api/v1/commissions/bounties")
                                .contentType("application/json")
                                .content("{\"partnerId\":\"" + partner + "\",\"ruleId\":\"" + bountyRule.id()
                                        + "\",\"reason\":\"Hijacked\"}")));
    }

    private static MockHttpServletRequestBuilder ids(MockHttpServletRequestBuilder request, UUID id) {
        return request.param("ids", id.toString());
    }

    private static MockHttpServletRequestBuilder rule(MockHttpServletRequestBuilder request) {
        return request.param("name", "Hijacked")
                .param("event", "DEAL_WON")
                .param("basis", "CONTRACT_VALUE")
                .param("rate", "99")
                .param("duration", "ONCE");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, UUID id, String reason) {
        return request.contentType("application/json")
                .content("{\"ids\":[\"" + id + "\"]" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    @Override
    public List<String> secrets() {
        return List.of(ruleName, partnerName, RATE, bountyName, bountyReason);
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(
                get("/app/commissions"),
                get("/app/commissions").param("partner", partner.toString()),
                get("/app/commissions").param("program", program.toString()),
                get("/app/commissions/review"),
                get("/app/commissions/bounties/new").param("partner", partner.toString()),
                get("/app/exchange-rates"));
    }

    @Override
    public List<String> apiLists() {
        return List.of(
                "/api/v1/commissions",
                "/api/v1/commissions?partnerId=" + partner,
                "/api/v1/commissions?programId=" + program);
    }
}
