package dev.canopy.commissions;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.ledger.Ledger;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Finance ticks pending commissions and approves them at once: they move, the ledger owes the partner,
 * and a flash says how many. A decline without a reason is refused beside its field and moves nothing;
 * a partner manager reads commissions but cannot move them.
 */
@CanopyTest
class FinanceApprovesCommissionsInBulk {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Commissions commissions;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient db;

    private Fixtures.Tenant tenant;
    private ProgramView program;
    private DealFixtures.Member partner;
    private VendorUser finance;
    private CommissionFixtures f;

    @BeforeEach
    void twoPendingReferralFees() {
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "EUR", 30);
        partner = f.member(tenant, program);
        f.rule(tenant, program, CommissionFixtures.referralFee("15"));
        f.dealWon(tenant, program, partner.id(), "10000", "EUR");
        f.dealWon(tenant, program, partner.id(), "20000", "EUR");
        finance = fixtures.member(tenant, Role.FINANCE);
    }

    private List<CommissionView> all() {
        return fixtures.as(
                tenant.owner(), () -> commissions.list(CommissionFilter.all()).items());
    }

    private List<UUID> ids() {
        return all().stream().map(CommissionView::id).toList();
    }

    /** The workspace's commissions, ledger and audit trail, to compare before and after. */
    private String stored() {
        return db.sql("""
                        select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from (
                          select c::text from commissions_commission c where workspace_id = ?
                          union all select p::text from ledger_posting p where workspace_id = ?
                          union all select e::text from audit_event e where workspace_id = ?) t
                        """)
                .params(tenant.id().value(), tenant.id().value(), tenant.id().value())
                .query(String.class)
                .single();
    }

    private MockHttpServletRequestBuilder move(String action, VendorUser user, List<UUID> ids) {
        MockHttpServletRequestBuilder request =
                post("/app/commissions/" + action).with(signedIn(user)).with(csrf());
        ids.forEach(id -> request.param("ids", id.toString()));
        return request;
    }

    @Test
    void theListShowsTotalsAndFiltersByStatusPartnerAndProgramme() throws Exception {
        mvc.perform(get("/app/commissions").with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"totals\"")))
                .andExpect(content().string(containsString("4,500.00 EUR")))
                .andExpect(content().string(containsString("1,500.00 EUR")))
                .andExpect(content().string(containsString("3,000.00 EUR")))
                .andExpect(content().string(containsString("data-testid=\"bulk-bar\"")));
        mvc.perform(get("/app/commissions").param("status", "APPROVED").with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"no-commissions\"")));
        mvc.perform(get("/app/commissions")
                        .param("status", "PENDING")
                        .param("partner", partner.id().toString())
                        .param("program", program.id().toString())
                        .with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3,000.00 EUR")));
        mvc.perform(get("/app/commissions")
                        .param("partner", UUID.randomUUID().toString())
                        .with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"no-commissions\"")));
    }

    @Test
    void bulkApproveMovesPendingOnesAndPostsToTheLedger() throws Exception {
        assertThat(ledger.balances(tenant.id(), partner.id())).isEmpty();
        mvc.perform(move("approve", finance, ids()).param("status", "PENDING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/app/commissions?status=PENDING"))
                .andExpect(flash().attribute("flash", "2 commissions approved."));
        assertThat(all()).extracting(CommissionView::status).containsOnly(CommissionStatus.APPROVED);
        assertThat(ledger.balances(tenant.id(), partner.id())).isNotEmpty();
        mvc.perform(get("/app/commissions/" + ids().getFirst()).with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"postings\"")))
                .andExpect(content().string(containsString("Partner payable")))
                .andExpect(content().string(containsString("15 % of")));

        // Approving again moves none: the message says which could be approved, and nothing is audited.
        String before = stored();
        mvc.perform(move("approve", finance, ids().subList(0, 1)))
                .andExpect(flash().attribute(
                                "flash", "0 of 1 commission approved; only pending or held ones can be approved."));
        mvc.perform(move("release", finance, ids()));
        assertThat(stored()).as("a move of nothing writes no audit entry").isEqualTo(before);
    }

    @Test
    void declineWithoutAReasonIsRefusedBesideTheFieldAndMovesNothing() throws Exception {
        String before = stored();
        mvc.perform(move("decline", finance, ids()).param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("moveForm", "reason"))
                .andExpect(content().string(containsString("Say why")))
                .andExpect(content().string(containsString("checked")));
        mvc.perform(move("hold", finance, ids()).param("back", "review"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("moveForm", "reason"));
        mvc.perform(move("approve", finance, List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("moveForm", "ids"));
        mvc.perform(post("/app/commissions/approve")
                        .param("ids", "not-an-id")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("moveForm", "ids"));
        assertThat(stored()).isEqualTo(before);
        assertThat(all()).extracting(CommissionView::status).containsOnly(CommissionStatus.PENDING);

        mvc.perform(move("decline", finance, ids().subList(0, 1))
                        .param("reason", "Duplicate of an earlier deal")
                        .param("back", "detail"))
                .andExpect(redirectedUrl("/app/commissions/" + ids().getFirst()))
                .andExpect(flash().attribute("flash", "1 commission declined."));
        mvc.perform(get("/app/commissions/" + ids().getFirst()).with(signedIn(finance)))
                .andExpect(content().string(containsString("Duplicate of an earlier deal")));
    }

    @Test
    void aPartnerManagerReadsCommissionsButCannotMoveThem() throws Exception {
        VendorUser manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        String before = stored();
        mvc.perform(get("/app/commissions").with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"bulk-bar\""))));
        mvc.perform(get("/app/commissions/" + ids().getFirst()).with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"decide\""))));
        for (String action : List.of("approve", "decline", "hold", "release")) {
            mvc.perform(move(action, manager, ids()).param("reason", "Because")).andExpect(status().isForbidden());
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theNextPageContinuesAfterTheCursor() throws Exception {
        for (int i = 0; i < 49; i++) {
            f.dealWon(tenant, program, partner.id(), "100", "EUR");
        }
        Commissions.Page first = fixtures.as(tenant.owner(), () -> commissions.list(CommissionFilter.all()));
        assertThat(first.items()).hasSize(50);
        mvc.perform(get("/app/commissions").with(signedIn(finance)))
                .andExpect(content().string(containsString("data-testid=\"next-page\"")));
        String rows = mvc.perform(get("/app/commissions")
                        .param("after", first.next())
                        .header("HX-Request", "true")
                        .with(signedIn(finance)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rows).doesNotContain("<html").contains("commission-row").doesNotContain("next-page");
        mvc.perform(get("/app/commissions").param("after", "garbage").with(signedIn(finance)))
                .andExpect(status().isBadRequest());
    }
}
