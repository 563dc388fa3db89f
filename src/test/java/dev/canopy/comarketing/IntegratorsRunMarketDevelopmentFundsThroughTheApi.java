package dev.canopy.comarketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator creates a budget and allocates it, reads the balances, approves one partner request and rejects
 * another, extends a claim deadline, reviews the claim line by line and removes an allocation. Bad input answers a
 * problem naming the field; a read-only key may read but not approve.
 */
@CanopyTest
class IntegratorsRunMarketDevelopmentFundsThroughTheApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    FundClaims claims;

    @Test
    void aBudgetIsAllocatedRequestedApprovedClaimedAndReviewed() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String readOnly = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ);

        send(post("/api/v1/mdf/budgets"), key, """
                        {"programId":"%s","name":"Q1","startsOn":"%s","endsOn":"%s","currency":"EUR","amount":"1.001"}
                        """.formatted(
                                program.id(), mdf.today(), mdf.today().plusDays(60)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        ResultActions created = send(post("/api/v1/mdf/budgets"), key, """
                        {"programId":"%s","name":"Q1 events","startsOn":"%s","endsOn":"%s","currency":"EUR",
                         "amount":"10000","secondApprovalAbove":"5000"}
                        """.formatted(
                        program.id(), mdf.today().minusDays(1), mdf.today().plusDays(60)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.remaining.amount").value("10000.00"))
                .andExpect(jsonPath("$.claimDays").value(30));
        String budget = json(created).get("id").asString();
        created.andExpect(header().string("Location", "/api/v1/mdf/budgets/" + budget));
        mvc.perform(get("/api/v1/mdf/budgets?limit=1").header("Authorization", readOnly))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].name").value("Q1 events"));
        mvc.perform(get("/api/v1/mdf/budgets/" + budget).header("Authorization", readOnly))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.programName").value(program.name()));

        String allocation = json(send(
                                post("/api/v1/mdf/budgets/" + budget + "/allocations"), key, """
                                {"partnerId":"%s","amount":"3000"}
                                """.formatted(member.id()))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        send(post("/api/v1/mdf/budgets/" + budget + "/allocations"), key, """
                        {"partnerId":"%s","amount":"100"}
                        """.formatted(member.id()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/mdf/budgets/" + budget + "/allocations").header("Authorization", key))
                .andExpect(jsonPath("$.data[0].recipient").isNotEmpty());

        FundRequestView webinar = mdf.request(
                member,
                f.asStaff(tenant, () -> context.getBean(Funds.class).get(java.util.UUID.fromString(budget))),
                "1200");
        FundRequestView dinner = mdf.request(
                member,
                f.asStaff(tenant, () -> context.getBean(Funds.class).get(java.util.UUID.fromString(budget))),
                "300");
        mvc.perform(get("/api/v1/mdf/requests?status=SUBMITTED").header("Authorization", key))
                .andExpect(jsonPath("$.data.length()").value(2));
        send(post("/api/v1/mdf/requests/" + webinar.id() + "/approve"), readOnly, "{}")
                .andExpect(status().isForbidden());
        send(post("/api/v1/mdf/requests/" + webinar.id() + "/approve"), key, """
                        {"amount":"1500"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        send(post("/api/v1/mdf/requests/" + webinar.id() + "/approve"), key, "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvedAmount.amount").value("1200.00"));
        send(post("/api/v1/mdf/requests/" + dinner.id() + "/reject"), key, """
                        {"reason":""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(post("/api/v1/mdf/requests/" + dinner.id() + "/reject"), key, """
                        {"reason":"Not in the plan"}""")
                .andExpect(jsonPath("$.status").value("REJECTED"));
        FundRequestView approved =
                f.asStaff(tenant, () -> context.getBean(FundRequests.class).get(webinar.id()));
        send(post("/api/v1/mdf/requests/" + webinar.id() + "/extend"), key, """
                        {"claimDueOn":"%s"}""".formatted(
                                approved.claimDueOn().plusDays(10)))
                .andExpect(jsonPath("$.claimDueOn")
                        .value(approved.claimDueOn().plusDays(10).toString()));
        mvc.perform(get("/api/v1/mdf/requests/" + webinar.id()).header("Authorization", key))
                .andExpect(jsonPath("$.reference").value(webinar.reference()));

        FundClaimView claim = f.asPartner(
                member,
                () -> claims.submit(
                        webinar.id(),
                        List.of(MdfFixtures.line("Platform", "1000"), MdfFixtures.line("Snacks", "400"))));
        mvc.perform(get("/api/v1/mdf/claims?status=SUBMITTED").header("Authorization", key))
                .andExpect(jsonPath("$.data[0].id").value(claim.id().toString()));
        mvc.perform(get("/api/v1/mdf/claims/" + claim.id()).header("Authorization", key))
                .andExpect(jsonPath("$.lines.length()").value(2));
        send(post("/api/v1/mdf/claims/" + claim.id() + "/review"), key, """
                        {"lines":[{"lineId":"%s","decision":"ACCEPTED"},{"lineId":"%s","decision":"DENIED"}]}
                        """.formatted(
                                claim.lines().get(0).id(), claim.lines().get(1).id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].reason"));
        send(post("/api/v1/mdf/claims/" + claim.id() + "/review"), key, """
                        {"lines":[{"lineId":"%s","decision":"ACCEPTED"},
                                  {"lineId":"%s","decision":"DENIED","reason":"Food is not covered"}]}
                        """.formatted(
                                claim.lines().get(0).id(), claim.lines().get(1).id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approved.amount").value("1000.00"));

        JsonNode balance = json(mvc.perform(
                        get("/api/v1/mdf/budgets/" + budget + "/balances").header("Authorization", key)))
                .get("data")
                .get(0);
        assertThat(balance.get("approved").get("amount").asString()).isEqualTo("1200.00");
        assertThat(balance.get("claimed").get("amount").asString()).isEqualTo("1000.00");
        assertThat(balance.get("available").get("amount").asString()).isEqualTo("1800.00");

        mvc.perform(delete("/api/v1/mdf/allocations/" + allocation).header("Authorization", key))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/mdf/budgets/" + budget + "/allocations").header("Authorization", key))
                .andExpect(jsonPath("$.data.length()").value(0));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String key, String body) throws Exception {
        return mvc.perform(request.header("Authorization", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
