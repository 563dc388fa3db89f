package dev.canopy.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.identity.Role;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Settings → Imports through the form: a file that is not the chosen source's export is named beside its field and
 * nothing is stored; a good one is rehearsed and its page shows what would happen, then imported for real from the
 * same files; people without the permission get 403 and see no menu entry.
 */
@CanopyTest
class AdminImportsThroughTheConsole {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Imports imports;

    @Autowired
    ApplicationContext context;

    @Test
    void aDryRunIsRehearsedThenRunForReal() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "USD", 30);

        String refused = mvc.perform(multipart("/app/imports")
                        .file(csv("partners", "name,website\nAcme,acme.example\n"))
                        .param("source", "TOLT")
                        .param("program", program.id().value().toString())
                        .param("dryRun", "true")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("is-invalid").contains("This is not a Tolt partners export: it has no column");
        assertThat(fixtures.count("imports_run", tenant.id())).isZero();

        String location = mvc.perform(multipart("/app/imports")
                        .file(csv(
                                "partners",
                                "id,email,first_name,last_name,company_name,country_code,group\n"
                                        + "p1,ana@alpha.example,Ana,Alves,Alpha,PT,\np2,broken,Bo,Berg,,,\n"))
                        .param("source", "TOLT")
                        .param("program", program.id().value().toString())
                        .param("dryRun", "true")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> page(tenant, location).contains("data-status=\"DONE\""));
        String rehearsed = page(tenant, location);
        assertThat(rehearsed)
                .contains("Would be created")
                .contains("email: &#39;broken&#39; is not an email address")
                .contains("Import for real");
        assertThat(fixtures.count("partners_partner", tenant.id())).isZero();

        String real = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/confirm")
                                .with(Fixtures.signedIn(tenant.owner()))
                                .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        await().atMost(Duration.ofSeconds(30)).until(() -> page(tenant, real).contains("data-status=\"DONE\""));
        assertThat(fixtures.count("partners_partner", tenant.id())).isEqualTo(1);
        assertThat(mvc.perform(get(real + "/report.csv").with(Fixtures.signedIn(tenant.owner())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("partners,2,p1,created,")
                .contains("partners,3,p2,refused,email: 'broken' is not an email address");
        assertThat(page(tenant, "/app/imports"))
                .contains("Tolt")
                .contains("Dry run")
                .contains("Import");
    }

    @Test
    void aPartnerManagerCannotImport() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        var manager = fixtures.member(tenant, Role.PARTNER_MANAGER);

        mvc.perform(get("/app/imports").with(Fixtures.signedIn(manager))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/app").with(Fixtures.signedIn(manager)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("nav-imports");
        assertThat(page(tenant, "/app")).contains("nav-imports");
    }

    private String page(Fixtures.Tenant tenant, String path) throws Exception {
        return mvc.perform(get(path).with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static MockMultipartFile csv(String field, String content) {
        return new MockMultipartFile(field, field + ".csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
