package dev.canopy.deals;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Deal, lead and mapping input that breaks a rule is a 4xx naming the field, and changes nothing. */
@CanopyTest
class BadDealInputIsNamedAndNothingIsStored {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;
    DealView pending;
    String key;

    @BeforeEach
    void aPendingRegistration() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        partner = f.member(tenant, program);
        pending = f.register(partner, program, "Gringotts", "gringotts.co.uk");
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    /** Every row of the workspace in the deals tables and the audit log, to compare before and after. */
    private String stored() {
        return db.sql("""
                        select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from (
                          select r::text from deals_registration r where workspace_id = ?
                          union all select c::text from deals_conflict c where workspace_id = ?
                          union all select l::text from deals_lead l where workspace_id = ?
                          union all select o::text from deals_lead_offer o where workspace_id = ?
                          union all select a::text from deals_mapping_account a where workspace_id = ?
                          union all select e::text from audit_event e where workspace_id = ?) t
                        """)
                .params(
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value())
                .query(String.class)
                .single();
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String json) {
        return request.header("Authorization", "Bearer " + key)
                .contentType("application/json")
                .content(json);
    }

    @Test
    void theRegistrationFormNamesEveryWrongFieldAndKeepsWhatWasTyped() throws Exception {
        String before = stored();
        mvc.perform(post("/portal/deals")
                        .with(f.portal(partner))
                        .with(csrf())
                        .param("programId", UUID.randomUUID().toString())
                        .param("accountName", "Gringotts Bank")
                        .param("website", "not a domain")
                        .param("contactName", "")
                        .param("contactEmail", "goblin@")
                        .param("amount", "-5")
                        .param("currency", "galleons")
                        .param("expectedClose", "2020-01-01")
                        .param("industry", "Retail".repeat(14)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Not one of your programmes")))
                .andExpect(content().string(Matchers.containsString("registrable domain")))
                .andExpect(content().string(Matchers.containsString("above zero")))
                .andExpect(content().string(Matchers.containsString("ISO 4217")))
                .andExpect(content().string(Matchers.containsString("has passed")))
                .andExpect(content().string(Matchers.containsString("At most 80 characters")))
                .andExpect(content().string(Matchers.containsString("value=\"Gringotts Bank\"")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void reviewActionsNameTheirFieldsThroughTheApi() throws Exception {
        String before = stored();
        String deal = "/api/v1/deals/" + pending.id();
        mvc.perform(api(post(deal + "/reject"), "{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(api(post(deal + "/stage"), "{\"stage\":\"DREAMING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
        mvc.perform(api(post(deal + "/won"), "{\"amount\":\"lots\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(api(post(deal + "/sourcing"), "{\"sourcing\":\"MAGIC\",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("sourcing", "reason")));
        mvc.perform(api(post(deal + "/won"), "{}")).andExpect(status().isConflict());
        mvc.perform(api(post(deal + "/reject"), "{\"reason\":42")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/deals").param("cursor", "not-a-cursor").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/deals").param("status", "SOMEDAY").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void leadsAndRulesNameTheirFields() throws Exception {
        String before = stored();
        mvc.perform(api(
                        post("/api/v1/leads"),
                        "{\"accountName\":\"\",\"website\":\"nope\",\"contactName\":\"Ann\",\"contactEmail\":\"x\","
                                + "\"partnerId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.containsInAnyOrder("accountName", "website", "contactEmail", "partnerId")));
        mvc.perform(api(
                        post("/api/v1/lead-routing-rules"),
                        "{\"name\":\"\",\"partnerType\":\"WIZARD\",\"tierId\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "partnerType", "tierId")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void dealRulesNameTheirFields() {
        DealRules rules = context.getBean(DealRules.class);
        String before = stored();
        assertThatThrownBy(() -> f.asStaff(tenant, () -> rules.setProgramRules(program.id(), "0", "ten", "SOMETIMES")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("protectionDays", "extensionDays", "extensions"));
        assertThatThrownBy(() -> f.asStaff(tenant, () -> rules.setClocks("31", "")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("reviewBusinessDays", "leadBusinessDays"));
        assertThat(f.asStaff(tenant, () -> rules.forProgram(program.id())).protectionDays())
                .isEqualTo(90);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void readOnlyKeysAndPartnerUsersCannotReview() throws Exception {
        String readOnly = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(post("/api/v1/deals/" + pending.id() + "/approve").header("Authorization", "Bearer " + readOnly))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/deals/" + pending.id() + "/approve")
                        .with(f.portal(partner))
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/app/deals").with(signedIn(fixtures.member(tenant, dev.canopy.identity.Role.ANALYST))))
                .andExpect(status().isOk());
        assertThat(f.asStaff(tenant, () -> context.getBean(Deals.class).get(pending.id()))
                        .status())
                .isEqualTo(DealStatus.PENDING);
    }
}
