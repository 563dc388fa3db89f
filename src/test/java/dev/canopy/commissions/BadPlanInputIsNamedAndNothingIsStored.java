package dev.canopy.commissions;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The plan editor names each wrong field of a rule (a negative or above-100 rate, an unknown country, a
 * flat rule without its amount, a bad tier override) and stores nothing; good rules are added, changed
 * with their tier overrides, and switched off and on.
 */
@CanopyTest
class BadPlanInputIsNamedAndNothingIsStored {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommissionPlans plans;

    @Autowired
    JdbcClient db;

    private Fixtures.Tenant tenant;
    private ProgramView program;
    private TierView gold;
    private VendorUser finance;
    private String path;

    @BeforeEach
    void aProgrammeWithATier() {
        tenant = fixtures.newWorkspace();
        program = new CommissionFixtures(context).referralProgram(tenant, "EUR", 30);
        gold = new ProgramFixtures(context).tier(tenant, program.id(), "Gold", Map.of());
        finance = fixtures.member(tenant, Role.FINANCE);
        path = "/app/programs/" + program.id() + "/commissions";
    }

    private String stored() {
        return db.sql("""
                        select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from (
                          select r::text from commissions_rule r where workspace_id = ?
                          union all select t::text from commissions_rule_tier t
                            join commissions_rule r on r.id = t.rule_id where r.workspace_id = ?
                          union all select p::text from commissions_plan p where workspace_id = ?
                          union all select e::text from audit_event e where workspace_id = ?) t
                        """)
                .params(
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value())
                .query(String.class)
                .single();
    }

    private ResultActions form(String to, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(to).with(signedIn(finance)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private ResultActions rule(String to, String... overrides) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "name", "Referral fee",
                "event", "DEAL_WON",
                "basis", "CONTRACT_VALUE",
                "rate", "15",
                "duration", "ONCE"));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        return form(
                to,
                fields.entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray(String[]::new));
    }

    @Test
    void eachWrongFieldIsNamedAndNothingIsStored() throws Exception {
        String before = stored();
        rule(path + "/rules", "rate", "-5")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "rate"));
        rule(path + "/rules", "rate", "150")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "rate"))
                .andExpect(content().string(containsString("A percentage is at most 100")));
        rule(path + "/rules", "country", "ZZ")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "country"));
        rule(path + "/rules", "basis", "FLAT", "rate", "", "flatAmount", "")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "flatAmount"));
        rule(path + "/rules", "name", "", "duration", "MONTHS", "durationMonths", "0", "capPeriod", "MONTH")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "name", "durationMonths", "capAmount"));
        rule(path + "/rules", "tierRates[" + gold.id() + "]", "500")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasNoErrors("minimumForm"))
                .andExpect(content().string(containsString("is-invalid\" id=\"tier-" + gold.id() + "\"")))
                .andExpect(content().string(containsString("A percentage is at most 100")));
        form(path + "/payout-minimum", "payoutMinimum", "-1")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("minimumForm", "payoutMinimum"));
        assertThat(stored()).isEqualTo(before);
        assertThat(fixtures.as(tenant.owner(), () -> plans.plan(program.id()).rules()))
                .isEmpty();
    }

    @Test
    void clickAndBountyRulesRefuseConditionsTheyCouldNeverMeet() throws Exception {
        String before = stored();
        for (String event : new String[] {"CLICK", "BOUNTY"}) {
            rule(
                            path + "/rules",
                            "event",
                            event,
                            "basis",
                            "FLAT",
                            "rate",
                            "",
                            "flatAmount",
                            "5",
                            "product",
                            "cloud suite",
                            "country",
                            "IN",
                            "minAmount",
                            "100",
                            "maxAmount",
                            "200",
                            "duration",
                            "LIFETIME")
                    .andExpect(status().isBadRequest())
                    .andExpect(model().attributeHasFieldErrors(
                                    "form", "product", "country", "minAmount", "maxAmount", "duration"));
        }
        rule(
                        path + "/rules",
                        "event",
                        "CLICK",
                        "basis",
                        "FLAT",
                        "rate",
                        "",
                        "flatAmount",
                        "0.005",
                        "tierRates[" + gold.id() + "]",
                        "0.0075")
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "flatAmount"))
                .andExpect(content().string(containsString("is-invalid\" id=\"tier-" + gold.id() + "\"")))
                .andExpect(content().string(containsString("Use at most 2 decimals, the currency")));
        assertThat(stored()).isEqualTo(before);

        rule(
                        path + "/rules",
                        "name",
                        "Per click",
                        "event",
                        "CLICK",
                        "basis",
                        "FLAT",
                        "rate",
                        "",
                        "flatAmount",
                        "0.05",
                        "tierRates[" + gold.id() + "]",
                        "0.08",
                        "capAmount",
                        "100",
                        "capPeriod",
                        "MONTH")
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(tenant.owner(), () -> plans.plan(program.id()).rules()))
                .singleElement()
                .satisfies(r -> assertThat(r.event()).isEqualTo(CommissionEvent.CLICK))
                .satisfies(r -> assertThat(r.tierRates()).containsEntry(gold.id(), new BigDecimal("0.0800")));
    }

    @Test
    void aRuleIsAddedWithATierOverrideChangedAndSwitchedOff() throws Exception {
        rule(
                        path + "/rules",
                        "tierRates[" + gold.id() + "]",
                        "20",
                        "country",
                        "in",
                        "capAmount",
                        "5000",
                        "capPeriod",
                        "YEAR")
                .andExpect(status().is3xxRedirection());
        CommissionRule added = fixtures.as(
                        tenant.owner(), () -> plans.plan(program.id()).rules())
                .getFirst();
        assertThat(added.country()).isEqualTo("IN");
        assertThat(added.tierRates()).containsEntry(gold.id(), new BigDecimal("20.0000"));
        mvc.perform(get(path).with(signedIn(finance)))
                .andExpect(content().string(containsString("Gold: 20 %")))
                .andExpect(content().string(containsString("customer in IN")))
                .andExpect(content().string(containsString("5000 EUR a year per partner")));
        mvc.perform(get(path + "/rules/" + added.id()).with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Change “Referral fee”")))
                .andExpect(content().string(containsString("value=\"20\"")));

        rule(path + "/rules/" + added.id(), "name", "Referral fee 2026", "rate", "12.5")
                .andExpect(status().is3xxRedirection());
        CommissionRule changed = fixtures.as(tenant.owner(), () -> plans.rule(program.id(), added.id()));
        assertThat(changed.name()).isEqualTo("Referral fee 2026");
        assertThat(changed.rate()).isEqualByComparingTo("12.5");
        assertThat(changed.tierRates()).isEmpty();

        form(path + "/rules/" + added.id() + "/active", "active", "false").andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(tenant.owner(), () -> plans.rule(program.id(), added.id()))
                        .active())
                .isFalse();
        mvc.perform(get(path).with(signedIn(finance)))
                .andExpect(content().string(containsString("data-testid=\"rule-off\"")));

        form(path + "/payout-minimum", "payoutMinimum", "25").andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(tenant.owner(), () -> plans.plan(program.id()).payoutMinimum())
                        .amount())
                .isEqualByComparingTo("25");
    }

    @Test
    void aPartnerManagerReadsThePlanButCannotChangeIt() throws Exception {
        VendorUser manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        mvc.perform(get(path).with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-testid=\"rule-form\""))));
        mvc.perform(post(path + "/rules")
                        .param("name", "Mine")
                        .param("event", "LEAD")
                        .param("basis", "FLAT")
                        .param("flatAmount", "5")
                        .with(signedIn(manager))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
