package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A finance system runs a payout through the API: preview, start (a retried start with its Idempotency-Key
 * answers the same run), approve, export, download the bank file, mark paid and reconcile. A run above the
 * threshold needs two people in the console: an API key cannot approve it.
 */
@CanopyTest
class FinanceRunsAPayoutThroughTheApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    PayoutFixtures p;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;
    String key;

    @BeforeEach
    void setUp() {
        p = new PayoutFixtures(context);
        tenant = fixtures.newWorkspace();
        program = p.referralProgramme(tenant, "USD");
        partner = p.bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    @Test
    void previewStartApproveExportDownloadMarkPaidAndReconcile() throws Exception {
        p.approvedCommission(tenant, program, partner.id(), "1000", "USD");

        call(get("/api/v1/payout-runs/preview"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].partnerId").value(partner.id().toString()))
                .andExpect(jsonPath("$.data[0].net.amount").value("150.00"))
                .andExpect(jsonPath("$.data[0].net.currency").value("USD"))
                .andExpect(jsonPath("$.data[0].payable").value(true));

        String started = call(post("/api/v1/payout-runs").header("Idempotency-Key", "run-2026-11"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.run.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.run.needsSecondApproval").value(false))
                .andExpect(jsonPath("$.lines[0].paid.amount").value("150.00"))
                .andExpect(jsonPath("$.files").isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(started, "$.run.id");
        call(post("/api/v1/payout-runs").header("Idempotency-Key", "run-2026-11"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.run.id").value(id));
        call(post("/api/v1/payout-runs"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("is still open")));

        call(post("/api/v1/payout-runs/" + id + "/approve"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        call(post("/api/v1/payout-runs/" + id + "/export"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPORTED"));
        String href = JsonPath.read(
                call(get("/api/v1/payout-runs/" + id))
                        .andExpect(jsonPath("$.files[0].format").value("bank"))
                        .andExpect(jsonPath("$.files[0].total.amount").value("150.00"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.files[0].href");
        String file = call(get(href))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(file).contains(PayoutFixtures.IBANS.getFirst(), "150.00");

        call(post("/api/v1/payout-runs/" + id + "/mark-paid"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));
        call(get("/api/v1/reconciliation"))
                .andExpect(jsonPath("$.data[0].paid.amount").value("150.00"))
                .andExpect(jsonPath("$.data[0].balance.amount").value("0.00"))
                .andExpect(jsonPath("$.data[0].reconciles").value(true));
        call(get("/api/v1/payout-runs")).andExpect(jsonPath("$.data[0].status").value("PAID"));
    }

    @Test
    void aRunAboveTheThresholdIsNotApprovedByAKey() throws Exception {
        p.approvedCommission(tenant, program, partner.id(), "100000", "USD");
        String id = JsonPath.read(
                call(post("/api/v1/payout-runs"))
                        .andExpect(jsonPath("$.run.needsSecondApproval").value(true))
                        .andExpect(jsonPath("$.run.firstApprovedBy").doesNotExist())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.run.id");

        call(post("/api/v1/payout-runs/" + id + "/approve"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("two people approve it in the console")));
        call(get("/api/v1/payout-runs/" + id))
                .andExpect(jsonPath("$.run.status").value("AWAITING_APPROVAL"));
    }

    @Test
    void unknownRunsFormatsAndCurrenciesAreProblemsAndAReadKeyCannotStart() throws Exception {
        call(get("/api/v1/payout-runs/" + UUID.randomUUID())).andExpect(status().isNotFound());
        p.approvedCommission(tenant, program, partner.id(), "1000", "USD");
        String id = JsonPath.read(
                call(post("/api/v1/payout-runs")).andReturn().getResponse().getContentAsString(), "$.run.id");
        call(post("/api/v1/payout-runs/" + id + "/approve"));
        call(post("/api/v1/payout-runs/" + id + "/export"));

        call(get("/api/v1/payout-runs/" + id + "/files/cheque/USD"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        call(get("/api/v1/payout-runs/" + id + "/files/bank/XYZ"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));

        String reader = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(post("/api/v1/payout-runs/" + id + "/mark-paid").header("Authorization", "Bearer " + reader))
                .andExpect(status().isForbidden());
        call(get("/api/v1/payout-runs/" + id))
                .andExpect(jsonPath("$.run.status").value("EXPORTED"));
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/payout-runs'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/payout-runs/{id}/approve'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/payout-runs/{id}/files/{format}/{currency}'].get")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/reconciliation'].get").exists());
    }

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key));
    }
}
