package dev.canopy.partners;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner name or an imported cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage
 * return first) is exported as text, with a leading apostrophe: in the partner list and in the report of
 * refused import rows. (The payout module's files go through the same {@code platform.CsvCells}, tested in
 * {@code payouts.internal.CsvFilesNeverCarryFormulas}.)
 */
@CanopyTest
class CsvExportsNeverCarryFormulas {

    static final List<String> FORMULAS =
            List.of("=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partners partners;

    @Autowired
    JdbcClient db;

    @Test
    void thePartnerListAndTheRefusedImportRowsCarryNoLiveFormula() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        for (String name : FORMULAS) {
            fixtures.as(
                    tenant.owner(),
                    () -> partners.invite(new NewPartner(
                            name,
                            null,
                            Set.of(PartnerType.REFERRAL),
                            List.of(),
                            List.of(),
                            null,
                            "Contact",
                            Fixtures.uniqueEmail("contact"))));
        }
        List<CSVRecord> exported = parse(read(tenant, "/app/partners/export.csv"));
        assertThat(exported.stream().map(r -> r.get("name")).toList())
                .containsExactlyInAnyOrderElementsOf(
                        FORMULAS.stream().map(f -> "'" + f).toList());

        String location = mvc.perform(multipart("/app/partners/import")
                        .file(new MockMultipartFile(
                                "file",
                                "partners.csv",
                                "text/csv",
                                "name,contact_email\n\"=cmd|' /C calc'!A0\",@not-an-email\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.sql("select status from partners_import where id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single()
                        .equals("DONE"));
        CSVRecord refused = parse(read(tenant, "/app/partners/import/" + id + "/rejected.csv"))
                .getFirst();
        assertThat(refused.get("name")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(refused.get("contact_email")).isEqualTo("'@not-an-email");
        assertThat(refused.get("reason"))
                .doesNotStartWith("=")
                .doesNotStartWith("+")
                .doesNotStartWith("@");
    }

    private String read(Fixtures.Tenant tenant, String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(tenant.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }
}
