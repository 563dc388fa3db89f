package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.LeadRoutingRules;
import dev.canopy.deals.LeadView;
import dev.canopy.deals.Leads;
import dev.canopy.deals.NewLead;
import dev.canopy.deals.NewRoutingRule;
import dev.canopy.deals.RoutingRule;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Deals: registrations (pending and approved), a lead, a routing rule and a mapped partnership of B's. */
class DealsProbes implements ModuleProbes {

    private final Fixtures fixtures;
    private final DealFixtures deals;
    private final Deals dealService;
    private final Leads leads;
    private final LeadRoutingRules routing;
    private final AccountMapping mapping;

    private UUID pending;
    private UUID approved;
    private UUID lead;
    private UUID rule;
    private UUID partner;
    private UUID program;
    private String accountName;
    private String leadName;
    private String mappedAccount;
    private String ruleName;

    DealsProbes(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.deals = new DealFixtures(context);
        this.dealService = context.getBean(Deals.class);
        this.leads = context.getBean(Leads.class);
        this.routing = context.getBean(LeadRoutingRules.class);
        this.mapping = context.getBean(AccountMapping.class);
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        ProgramView p = deals.program(b);
        DealFixtures.Member member = deals.member(b, p);
        accountName = Fixtures.unique("Victim Account");
        leadName = Fixtures.unique("Victim Lead");
        mappedAccount = Fixtures.unique("Victim Mapped");
        ruleName = Fixtures.unique("Victim Rule");
        DealView first = deals.register(member, p, accountName, Fixtures.unique("victim") + ".example.co.uk");
        DealView second = deals.register(member, p, accountName + " Two", Fixtures.unique("victim") + ".com");
        deals.asStaff(b, () -> dealService.approve(second.id()));
        LeadView offered = deals.asStaff(
                b,
                () -> leads.create(new NewLead(
                        leadName,
                        "victim-lead.com",
                        "Vic",
                        "vic@victim-lead.com",
                        "EMEA",
                        null,
                        member.id().toString())));
        RoutingRule added = deals.asStaff(b, () -> routing.addRule(new NewRoutingRule(ruleName, "EMEA", "", "")));
        deals.asPartner(
                member,
                () -> mapping.uploadMine("name,domain,status\n" + mappedAccount + ",victim-mapped.com,customer\n"));
        deals.asStaff(b, () -> mapping.setVendorLevel(member.id(), "FULL"));
        pending = first.id();
        approved = second.id();
        lead = offered.id();
        rule = added.id();
        partner = member.id().value();
        program = p.id().value();
    }

    @Override
    public List<Probe> probes() {
        String deal = "/app/deals/" + pending;
        String open = "/app/deals/" + approved;
        String api = "/api/v1/deals/" + pending;
        String apiOpen = "/api/v1/deals/" + approved;
        return List.of(
                new Probe("/app/deals/{id}", get(deal)),
                new Probe("/app/deals/{id}/approve", post(deal + "/approve")),
                new Probe("/app/deals/{id}/reject", post(deal + "/reject").param("reason", "Hijacked")),
                new Probe("/app/deals/{id}/stage", post(open + "/stage").param("stage", "PROPOSAL")),
                new Probe("/app/deals/{id}/extend", post(open + "/extend")),
                new Probe("/app/deals/{id}/won", post(open + "/won")),
                new Probe("/app/deals/{id}/lost", post(open + "/lost").param("reason", "Hijacked")),
                new Probe(
                        "/app/deals/{id}/sourcing",
                        post(open + "/sourcing").param("sourcing", "SOURCED").param("reason", "Hijacked")),
                new Probe(
                        "/app/deals/settings/programs/{id}",
                        post("/app/deals/settings/programs/" + program)
                                .param("protectionDays", "1")
                                .param("extensionDays", "1")
                                .param("extensions", "NONE")),
                new Probe("/app/leads/{id}", get("/app/leads/" + lead)),
                new Probe(
                        "/app/leads/rules/{id}/weights",
                        post("/app/leads/rules/" + rule + "/weights").param("weight", "5")),
                new Probe("/app/leads/rules/{id}/remove", post("/app/leads/rules/" + rule + "/remove")),
                new Probe("/app/account-mapping/{partnerId}", get("/app/account-mapping/" + partner)),
                new Probe(
                        "/app/account-mapping/{partnerId}/sharing",
                        post("/app/account-mapping/" + partner + "/sharing").param("level", "HIDDEN")),
                new Probe("/portal/deals/{id}", get("/portal/deals/" + pending)),
                new Probe("/portal/deals/{id}/extension", post("/portal/deals/" + approved + "/extension")),
                new Probe("/portal/leads/{id}/accept", post("/portal/leads/" + lead + "/accept")),
                new Probe(
                        "/portal/leads/{id}/decline",
                        post("/portal/leads/" + lead + "/decline").param("reason", "Hijacked")),
                new Probe("/api/v1/deals/{id}", get(api)),
                new Probe("/api/v1/deals/{id}/approve", post(api + "/approve")),
                new Probe("/api/v1/deals/{id}/reject", json(post(api + "/reject"), "{\"reason\":\"Hijacked\"}")),
                new Probe("/api/v1/deals/{id}/stage", json(post(apiOpen + "/stage"), "{\"stage\":\"PROPOSAL\"}")),
                new Probe("/api/v1/deals/{id}/extension", post(apiOpen + "/extension")),
                new Probe("/api/v1/deals/{id}/won", json(post(apiOpen + "/won"), "{}")),
                new Probe("/api/v1/deals/{id}/lost", json(post(apiOpen + "/lost"), "{\"reason\":\"Hijacked\"}")),
                new Probe(
                        "/api/v1/deals/{id}/sourcing",
                        json(post(apiOpen + "/sourcing"), "{\"sourcing\":\"SOURCED\",\"reason\":\"Hijacked\"}")),
                new Probe("/api/v1/leads/{id}", get("/api/v1/leads/" + lead)),
                new Probe(
                        "/api/v1/lead-routing-rules/{id}/weights",
                        json(
                                post("/api/v1/lead-routing-rules/" + rule + "/weights"),
                                "{\"partnerId\":\"" + partner + "\",\"weight\":\"5\"}")),
                new Probe("/api/v1/lead-routing-rules/{id}", delete("/api/v1/lead-routing-rules/" + rule)),
                new Probe(
                        "/api/v1/account-mapping/partners/{partnerId}",
                        get("/api/v1/account-mapping/partners/" + partner)),
                new Probe(
                        "/api/v1/account-mapping/partners/{partnerId}/sharing",
                        json(
                                put("/api/v1/account-mapping/partners/" + partner + "/sharing"),
                                "{\"level\":\"HIDDEN\"}")));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/json").content(body);
    }

    @Override
    public List<String> secrets() {
        return List.of(accountName, leadName, mappedAccount, ruleName);
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(
                get("/app/deals").param("status", "ALL"),
                get("/app/leads"),
                get("/app/leads/rules"),
                get("/app/account-mapping"),
                get("/app/deals/settings"));
    }

    @Override
    public List<String> apiLists() {
        return List.of(
                "/api/v1/deals",
                "/api/v1/leads",
                "/api/v1/lead-routing-rules",
                "/api/v1/account-mapping/partners",
                "/api/v1/account-mapping/accounts");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/deals"), get("/portal/leads"), get("/portal/accounts"));
    }
}
