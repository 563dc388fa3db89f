package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A finance system lists commissions with filters and a cursor, reads one with its explanation and
 * postings, and approves, holds and declines them in bulk; bad input is a problem naming the field.
 */
@CanopyTest
class CommissionsAreMovedThroughTheApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Commissions commissions;

    private Fixtures.Tenant tenant;
    private ProgramView program;
    private DealFixtures.Member partner;
    private String key;
    private List<UUID> ids;

    @BeforeEach
    void threePendingFees() {
        CommissionFixtures f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "EUR", 30);
        partner = f.member(tenant, program);
        f.rule(tenant, program, CommissionFixtures.referralFee("10"));
        for (String amount : List.of("1000", "2000", "3000")) {
            f.dealWon(tenant, program, partner.id(), amount, "EUR");
        }
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        ids = fixtures.as(
                tenant.owner(),
                () -> commissions.list(CommissionFilter.all()).items().stream()
                        .map(CommissionView::id)
                        .toList());
    }

    private ResultActions call(String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static String body(List<UUID> ids, String reason) {
        return "{\"ids\":["
                + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]"
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    @Test
    void listReadApproveHoldAndDecline() throws Exception {
        mvc.perform(get("/api/v1/commissions")
                        .param("status", "PENDING")
                        .param("partnerId", partner.id().toString())
                        .param("programId", program.id().toString())
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(3)))
                .andExpect(jsonPath("$.data[0].currency").value("EUR"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        call("/api/v1/commissions/approve", body(ids.subList(0, 2), null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requested").value(2))
                .andExpect(jsonPath("$.moved").value(2));
        mvc.perform(get("/api/v1/commissions/" + ids.getFirst()).header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.explanation", startsWith("10 % of ")))
                .andExpect(jsonPath("$.postings[0].account").exists());

        call("/api/v1/commissions/hold", body(ids.subList(2, 3), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("/api/v1/commissions/hold", body(ids.subList(2, 3), "Check the customer"))
                .andExpect(jsonPath("$.moved").value(1));
        call("/api/v1/commissions/decline", body(ids, "Programme closed"))
                .andExpect(jsonPath("$.moved").value(3));
        assertThat(fixtures.as(
                        tenant.owner(),
                        () -> commissions.list(CommissionFilter.all()).items()))
                .extracting(CommissionView::status)
                .containsOnly(CommissionStatus.DECLINED);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/commissions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/commissions/{id}'].get").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/commissions/approve'].post").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/commissions/decline'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/commissions/hold'].post").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/commissions/release'].post").exists());
    }

    @Test
    void badInputIsAProblemAndAReadKeyCannotMove() throws Exception {
        call("/api/v1/commissions/approve", "{\"ids\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ids"));
        call("/api/v1/commissions/approve", "{\"ids\":[\"nope\"]}").andExpect(status().isBadRequest());
        call("/api/v1/commissions/approve", body(List.of(UUID.randomUUID()), null))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/commissions").param("cursor", "nope").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/commissions").param("status", "SOMEWHERE").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest());

        String readOnly = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(post("/api/v1/commissions/approve")
                        .header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(ids, null)))
                .andExpect(status().isForbidden());
        assertThat(fixtures.as(
                        tenant.owner(),
                        () -> commissions.list(CommissionFilter.all()).items()))
                .extracting(CommissionView::status)
                .containsOnly(CommissionStatus.PENDING);
    }
}
