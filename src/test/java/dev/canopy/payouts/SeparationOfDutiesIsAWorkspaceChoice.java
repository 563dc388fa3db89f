package dev.canopy.payouts;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * By default one person or key may start, approve and mark paid a run within the threshold (a one-person
 * finance team must be able to pay partners). With separation of duties on, whoever starts a run never
 * approves it or marks it paid, and whoever approves it never marks it paid.
 */
@CanopyTest
class SeparationOfDutiesIsAWorkspaceChoice {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    HoldExpiry holdExpiry;

    Fixtures.Tenant tenant;
    VendorUser finance;

    @BeforeEach
    void aCommissionApprovedForPayout() {
        CommissionFixtures f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
        ProgramView program = f.referralProgram(tenant, "USD", 0);
        f.rule(tenant, program, CommissionFixtures.referralFee("10"));
        DealFixtures.Member partner =
                new PayoutFixtures(context).bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        f.dealWon(tenant, program, partner.id(), "1000", "USD");
        clock.advance(Duration.ofMinutes(1));
        holdExpiry.approveDue();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void byDefaultOneKeyRunsAPayoutWithinTheThresholdFromStartToPaid() throws Exception {
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String run = start(key);
        as(key, "/approve", run).andExpect(status().isOk());
        as(key, "/export", run).andExpect(status().isOk());
        as(key, "/mark-paid", run)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void withSeparationOfDutiesTheStarterNeverApprovesAndNeitherMarksItPaid() throws Exception {
        mvc.perform(post("/app/payouts/settings")
                        .with(signedIn(finance))
                        .with(csrf())
                        .param("scheduled", "true")
                        .param("netDays", "15")
                        .param("secondApprovalAbove", "10000")
                        .param("secondApprovalCurrency", "USD")
                        .param("separateDuties", "true"))
                .andExpect(status().is3xxRedirection());
        String starter = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String approver = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String payer = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);

        String run = start(starter);
        as(starter, "/approve", run)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("someone else approves it")));
        as(approver, "/approve", run).andExpect(status().isOk());
        as(starter, "/export", run).andExpect(status().isOk());
        for (String startedOrApproved : new String[] {starter, approver}) {
            as(startedOrApproved, "/mark-paid", run)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("someone else marks it paid")));
        }
        as(payer, "/mark-paid", run)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));
    }

    private String start(String key) throws Exception {
        String body = mvc.perform(post("/api/v1/payout-runs").header("Authorization", "Bearer " + key))
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.run.id");
    }

    private ResultActions as(String key, String action, String run) throws Exception {
        return mvc.perform(post("/api/v1/payout-runs/" + run + action).header("Authorization", "Bearer " + key));
    }
}
