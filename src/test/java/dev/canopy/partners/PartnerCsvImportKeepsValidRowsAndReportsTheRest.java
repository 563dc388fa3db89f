package dev.canopy.partners;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PartnerCsvImportKeepsValidRowsAndReportsTheRest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient db;

    private UUID upload(Fixtures.Tenant tenant, String csv) throws Exception {
        String location = mvc.perform(multipart("/app/partners/import")
                        .file(new MockMultipartFile(
                                "file", "partners.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/app/partners/import/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private void awaitDone(UUID id) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> db.sql("select status from partners_import where id = ?")
                                .param(id)
                                .query(String.class)
                                .single(),
                        s -> !s.equals("RUNNING"));
    }

    @Test
    void tenThousandRowsLandExceptTheInvalidOnesWhichAreReportedWithTheirReason() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        StringBuilder csv =
                new StringBuilder("Company Name,Domain,Partner Type,Region,Industry,Size,Status,Contact,Email\n");
        int invalid = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 1000 == 7) {
                csv.append(",,RESELLER,EMEA,,,,,\n"); // no name
                invalid++;
            } else if (i % 1000 == 8) {
                csv.append("Bad Email ")
                        .append(i)
                        .append(",bad-email-")
                        .append(i)
                        .append(".example,REFERRAL,EMEA,,,,Bo,not-an-email\n");
                invalid++;
            } else {
                csv.append("\"Partner ")
                        .append(i)
                        .append(", Inc.\",partner-")
                        .append(i)
                        .append(".example,RESELLER;MSP,EMEA;DACH,Retail,11-50,active,Ann ")
                        .append(i)
                        .append(",ann")
                        .append(i)
                        .append("@partner-")
                        .append(i)
                        .append(".example\n");
            }
        }
        csv.append("Duplicate Domain,partner-1.example,RESELLER,EMEA,,,,,\n");
        invalid++;

        UUID id = upload(tenant, csv.toString());
        mvc.perform(get("/app/partners/import/" + id).with(signedIn(tenant.owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"import-progress\"")));
        awaitDone(id);

        assertThat(db.sql("select status, imported, rejected, total_rows from partners_import where id = ?")
                        .param(id)
                        .query((rs, n) ->
                                rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getInt(4))
                        .single())
                .isEqualTo("DONE " + (10_001 - invalid) + " " + invalid + " 10001");
        assertThat(fixtures.count("partners_partner", tenant.id())).isEqualTo(10_001 - invalid);
        assertThat(fixtures.count("partners_contact", tenant.id())).isEqualTo(10_001 - invalid);
        assertThat(db.sql(
                                "select types, regions from partners_partner where workspace_id = ? and name = 'Partner 5, Inc.'")
                        .param(tenant.id().value())
                        .query((rs, n) -> String.join(
                                        "|", (String[]) rs.getArray(1).getArray()) + " "
                                + String.join("|", (String[]) rs.getArray(2).getArray()))
                        .single())
                .isEqualTo("RESELLER|MSP EMEA|DACH");

        String report = mvc.perform(
                        get("/app/partners/import/" + id + "/rejected.csv").with(signedIn(tenant.owner())))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines()).hasSize(invalid + 1);
        assertThat(report.lines().findFirst().orElseThrow()).startsWith("line,reason,Company Name,Domain");
        assertThat(report)
                .contains("name: Required")
                .contains("contact_email: 'not-an-email' is not an email address")
                .contains("exists already");
        assertThat(db.sql("select count(*) from audit_event where workspace_id = ? and action = 'partners.imported'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAPartnerCsvIsRefusedAtOnce() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        for (String bad : new String[] {"", "just,some,columns\n1,2,3\n", "name\n"}) {
            mvc.perform(multipart("/app/partners/import")
                            .file(new MockMultipartFile(
                                    "file", "x.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                            .with(signedIn(tenant.owner()))
                            .with(csrf()))
                    .andExpect(model().attributeExists("uploadError"));
        }
        mvc.perform(multipart("/app/partners/import")
                        .file(new MockMultipartFile(
                                "file", "x.csv", "text/csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}))
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(model().attribute("uploadError", org.hamcrest.Matchers.containsString("UTF-8")));
        assertThat(fixtures.count("partners_import", tenant.id())).isZero();
    }
}
