package dev.canopy.programs;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerType;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every programme form and endpoint names each wrong field, and stores nothing when one is wrong. */
@CanopyTest
class BadProgrammeInputIsNamedAndNothingIsStored {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Programs programs;

    @Autowired
    JdbcClient db;

    private Fixtures.Tenant tenant;
    private ProgramView program;
    private String key;

    @BeforeEach
    void aProgramme() {
        tenant = fixtures.newWorkspace();
        program = new ProgramFixtures(context).program(tenant, "Reseller", PartnerType.RESELLER);
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    /** Everything of the workspace's programmes, to compare before and after. */
    private String stored() {
        return db.sql("""
                        select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from (
                          select p::text from programs_program p where workspace_id = ?
                          union all select q::text from programs_question q where workspace_id = ?
                          union all select c::text from programs_scoring_criterion c where workspace_id = ?
                          union all select a::text from programs_application a where workspace_id = ?
                          union all select m::text from programs_membership m where workspace_id = ?
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

    private ResultActions form(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request =
                post(path).with(signedIn(tenant.owner())).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk());
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void consoleFormsShowEachErrorBesideItsField() throws Exception {
        String before = stored();
        form("/app/programs", "name", "", "rewardType", "COMMISSION", "rewardRateMin", "0", "currency", "EURO")
                .andExpect(model().attributeHasFieldErrors(
                                "form",
                                "name",
                                "partnerTypes",
                                "valueProposition",
                                "rewardRateMin",
                                "rewardBasis",
                                "currency"));
        form(
                        "/app/programs",
                        "name",
                        "Reseller",
                        "partnerTypes",
                        "RESELLER",
                        "valueProposition",
                        "Margin",
                        "rewardType",
                        "MARGIN",
                        "rewardRateMin",
                        "15",
                        "rewardBasis",
                        "of list price",
                        "currency",
                        "EUR")
                .andExpect(model().attributeHasFieldErrors("form", "slug"));
        form(
                        "/app/programs/" + program.id(),
                        "name",
                        "Renamed",
                        "partnerTypes",
                        "NOT_A_TYPE",
                        "valueProposition",
                        "x",
                        "rewardType",
                        "MARGIN",
                        "rewardRateMin",
                        "15",
                        "rewardRateMax",
                        "10",
                        "rewardBasis",
                        "of list price",
                        "currency",
                        "EUR",
                        "holdPeriodDays",
                        "-1")
                .andExpect(model().attributeHasFieldErrors("form", "partnerTypes", "rewardRateMax", "holdPeriodDays"));
        form("/app/programs/" + program.id() + "/questions", "label", "", "type", "TEXT")
                .andExpect(model().attributeHasFieldErrors("questionForm", "label"));
        form(
                        "/app/programs/" + program.id() + "/questions",
                        "label",
                        "Focus",
                        "type",
                        "SINGLE_CHOICE",
                        "options",
                        "Only one")
                .andExpect(model().attributeHasFieldErrors("questionForm", "options"));
        form("/app/programs/" + program.id() + "/questions", "label", "Focus", "type", "ESSAY")
                .andExpect(model().attributeHasFieldErrors("questionForm", "type"));
        form(
                        "/app/programs/" + program.id() + "/criteria",
                        "kind",
                        "CHOICE",
                        "answer",
                        UUID.randomUUID() + "::Yes",
                        "points",
                        "10")
                .andExpect(content().string(Matchers.containsString("Choose a question of this form")));
        form(
                        "/app/programs/" + program.id() + "/criteria",
                        "kind",
                        "PARTNER_TYPE",
                        "partnerType",
                        "AFFILIATE",
                        "points",
                        "lots")
                .andExpect(model().attributeHasFieldErrors("criterionForm", "points"));
        form("/app/programs/" + program.id() + "/decisions", "autoApproveScore", "10", "autoRejectBelow", "20")
                .andExpect(model().attributeHasFieldErrors("decisionsForm", "autoRejectBelow"));
        form("/app/programs/" + program.id() + "/decisions", "autoApproveScore", "ten", "autoRejectBelow", "")
                .andExpect(model().attributeHasFieldErrors("decisionsForm", "autoApproveScore"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void thePublicFormShowsEveryProblemAndStoresNothing() throws Exception {
        Question sellers = fixtures.as(
                tenant.owner(), () -> programs.addQuestion(program.id(), "How many sellers?", "NUMBER", true, ""));
        String before = stored();
        mvc.perform(post("/programs/" + tenant.slug() + "/" + program.slug())
                        .with(csrf())
                        .with(ProgramFixtures.newClient())
                        .param("contactEmail", "not-an-email")
                        .param("partnerTypes", "AFFILIATE")
                        .param(sellers.field(), "many"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attribute(
                                "errors",
                                Matchers.allOf(
                                        Matchers.hasKey("companyName"),
                                        Matchers.hasKey("website"),
                                        Matchers.hasKey("contactName"),
                                        Matchers.hasKey("contactEmail"),
                                        Matchers.hasKey("partnerTypes"),
                                        Matchers.hasKey("region"),
                                        Matchers.hasKey(sellers.field()))))
                .andExpect(content().string(Matchers.containsString("not-an-email")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theApiNamesEachWrongFieldWithA400() throws Exception {
        String before = stored();
        api(post("/api/v1/programs"), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.hasItems(
                                "name",
                                "partnerTypes",
                                "valueProposition",
                                "rewardType",
                                "rewardRateMin",
                                "rewardBasis",
                                "currency")));
        api(post("/api/v1/programs"), "{\"name\": ").andExpect(status().isBadRequest());
        api(put("/api/v1/programs/" + program.id()), "{\"name\":\"X\",\"currency\":\"XX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("currency")));
        api(put("/api/v1/programs/" + UUID.randomUUID()), "{}").andExpect(status().isNotFound());
        api(post("/api/v1/programs/" + program.id() + "/memberships"), "{\"partnerId\":\"nope\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));
        api(post("/api/v1/programs/" + program.id() + "/memberships"), "{\"partnerId\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isNotFound());
        api(post("/api/v1/applications/" + UUID.randomUUID() + "/approve"), "").andExpect(status().isNotFound());
        api(get("/api/v1/programs/not-a-uuid"), "").andExpect(status().isBadRequest());
        api(get("/api/v1/applications").param("status", "MAYBE"), "").andExpect(status().isBadRequest());
        api(get("/api/v1/applications").param("limit", "many"), "").andExpect(status().isBadRequest());
        assertThat(stored()).isEqualTo(before);
    }
}
