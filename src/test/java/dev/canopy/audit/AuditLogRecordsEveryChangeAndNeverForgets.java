package dev.canopy.audit;

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
import dev.canopy.shared.Actor;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@CanopyTest
class AuditLogRecordsEveryChangeAndNeverForgets {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient db;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void settingsChangesAreRecordedWithBeforeAndAfter() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Renamed Co")
                        .param("website", "https://renamed.example")
                        .param("timezone", "Europe/Berlin")
                        .param("currency", "eur"))
                .andExpect(status().is3xxRedirection());
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(get("/api/v1/audit-events")
                        .param("action", "workspace.updated")
                        .header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data[0].before.name").value("Company " + tenant.slug()))
                .andExpect(jsonPath("$.data[0].after.name").value("Renamed Co"))
                .andExpect(jsonPath("$.data[0].after.currency").value("EUR"))
                .andExpect(jsonPath("$.data[0].actor.kind").value("USER"))
                .andExpect(jsonPath("$.data[0].actor.name")
                        .value(org.hamcrest.Matchers.containsString(
                                tenant.owner().email())));
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNotRecorded() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "")
                        .param("website", "ftp://nope")
                        .param("timezone", "Mars/Olympus")
                        .param("currency", "XYZW"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attributeHasFieldErrors("form", "name", "website", "timezone", "currency"));
        assertThat(db.sql("select count(*) from audit_event where workspace_id = ? and action = 'workspace.updated'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteHistory() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        assertThatThrownBy(() -> db.sql("update audit_event set action = 'forged' where workspace_id = ?")
                        .param(tenant.id().value())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("delete from audit_event where workspace_id = ?")
                        .param(tenant.id().value())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void thePageNamesActionsAndSubjectsInWords() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Renamed Co")
                        .param("website", "https://renamed.example")
                        .param("timezone", "Europe/Berlin")
                        .param("currency", "EUR"))
                .andExpect(status().is3xxRedirection());
        // A change with no one subject (a bulk move, the exchange rates): its subject is only its kind.
        transactions.executeWithoutResult(status -> auditLog.record(
                tenant.id(),
                Actor.system(),
                "commissions.exchange-rates",
                "exchange-rate",
                null,
                null,
                java.util.Map.of("rates", 2)));
        transactions.executeWithoutResult(status -> auditLog.record(
                tenant.id(),
                Actor.system(),
                "commissions.approved",
                "commission",
                null,
                null,
                java.util.Map.of(
                        "ids",
                        java.util.List.of(java.util.UUID.randomUUID(), java.util.UUID.randomUUID()),
                        "note",
                        "Early")));

        String page = mvc.perform(get("/app/audit").with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .as("actions in words")
                .contains(">Workspace updated<")
                .contains(">Exchange rates<")
                .as("the action filter, in words too")
                .contains(">Workspace updated (workspace.updated)<")
                .as("the subject by its name")
                .contains(">Renamed Co<")
                .as("a bulk move by how many it moved")
                .contains(">2 commissions<")
                .as("no subject shown as null")
                .doesNotContain(">null<");
    }

    @Test
    void thePageFiltersAndPagesWithACursor() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/app/team/invitations")
                    .with(signedIn(tenant.owner()))
                    .with(csrf())
                    .param("email", Fixtures.uniqueEmail("p" + i))
                    .param("role", "SALES"));
        }
        mvc.perform(get("/app/audit").param("action", "team.invitation.created").with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">Team invitation created<")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString(">Workspace created<"))));
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ);
        String cursor = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/v1/audit-events")
                                .param("action", "team.invitation.created")
                                .param("limit", "2")
                                .header("Authorization", "Bearer " + key))
                        .andExpect(jsonPath("$.data.length()").value(2))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.nextCursor");
        mvc.perform(get("/api/v1/audit-events")
                        .param("action", "team.invitation.created")
                        .param("limit", "2")
                        .param("cursor", cursor)
                        .header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }
}
