package dev.canopy.deals;

import static dev.canopy.deals.SharingLevels.assertShown;
import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * At each sharing level — the lower of the vendor's and the partner's — what each side sees of the other's
 * list, through the console, the API and the portal: nothing when hidden, counts only, the overlapping
 * accounts, the whole list. Each side always sees its own list.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountMappingShowsWhatBothSidesAllow {

    // The vendor's records: two that the partner also has, one of its own.
    static final String VENDOR_OVERLAP_NAMES = "Acme Widgets Vendorside";
    static final String VENDOR_OVERLAP_NAME_2 = "Globex Holdings Vendorside";
    static final String VENDOR_ONLY = "initech-vendor-only.com";
    // The partner's records: the same two under other names, and one of its own.
    static final String PARTNER_OVERLAP_NAME = "Acme Corp Partnerside";
    static final String PARTNER_OVERLAP_NAME_2 = "Globex Intl Partnerside";
    static final String PARTNER_ONLY = "umbrella-partner-only.com";

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    Fixtures.Tenant tenant;
    DealFixtures f;
    SharingLevels levels;
    DealFixtures.Member partner;
    String key;

    @BeforeAll
    void bothSidesUploadTheirLists() throws Exception {
        f = new DealFixtures(context);
        levels = new SharingLevels(mvc, f);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        partner = f.member(tenant, program);
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(put("/api/v1/account-mapping/accounts")
                        .header("Authorization", "Bearer " + key)
                        .contentType("text/csv")
                        .content("name,domain,status\n" + VENDOR_OVERLAP_NAMES + ",acme.com,customer\n"
                                + VENDOR_OVERLAP_NAME_2 + ",globex.com,open opportunity\n"
                                + "Initech,https://" + VENDOR_ONLY + ",prospect\n"))
                .andExpect(status().isOk());
        mvc.perform(multipart("/portal/accounts")
                        .file(new MockMultipartFile(
                                "file",
                                "accounts.csv",
                                "text/csv",
                                ("name,domain,status\n" + PARTNER_OVERLAP_NAME + ",www.acme.com,open opportunity\n"
                                                + PARTNER_OVERLAP_NAME_2 + ",globex.com,customer\n"
                                                + "Umbrella," + PARTNER_ONLY + ",prospect\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(f.portal(partner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    static Stream<Arguments> levels() {
        return Stream.of("HIDDEN", "COUNTS", "OVERLAPS", "FULL")
                .flatMap(level -> Stream.of(Arguments.of(level, "FULL"), Arguments.of("FULL", level)));
    }

    @ParameterizedTest(name = "vendor shares {0}, partner shares {1}")
    @MethodSource("levels")
    void eachSideSeesWhatTheLowerLevelAllows(String vendorLevel, String partnerLevel) throws Exception {
        levels.share(key, partner, vendorLevel, partnerLevel);
        String effective = vendorLevel.equals("FULL") ? partnerLevel : vendorLevel;
        int rank = List.of("HIDDEN", "COUNTS", "OVERLAPS", "FULL").indexOf(effective);

        String console = levels.read(get("/app/account-mapping/" + partner.id()).with(signedIn(tenant.owner())));
        String api = levels.read(
                get("/api/v1/account-mapping/partners/" + partner.id()).header("Authorization", "Bearer " + key));
        String portal = levels.read(get("/portal/accounts").with(f.portal(partner)));

        for (String vendorSees : List.of(console, api)) {
            assertThat(vendorSees).as("own list").contains(VENDOR_OVERLAP_NAMES, VENDOR_ONLY);
            assertShown(vendorSees, rank >= 2, PARTNER_OVERLAP_NAME, PARTNER_OVERLAP_NAME_2);
            assertShown(vendorSees, rank >= 3, PARTNER_ONLY);
        }
        assertThat(portal).as("own list").contains(PARTNER_OVERLAP_NAME, PARTNER_ONLY);
        assertShown(portal, rank >= 2, VENDOR_OVERLAP_NAMES, VENDOR_OVERLAP_NAME_2);
        assertShown(portal, rank >= 3, VENDOR_ONLY);

        // Counts: 3 accounts on the other list, 2 on both, 2 co-sell chances (one each way).
        assertShown(console, rank >= 1, "data-testid=\"their-count\">3<", "data-testid=\"overlap-count\">2<");
        assertShown(portal, rank >= 1, "data-testid=\"their-count\">3<", "data-testid=\"cosell-count\">2<");
        assertShown(api, rank >= 1, "\"theirCount\":3", "\"overlapCount\":2", "\"coSellCount\":2");
        assertShown(api, rank >= 2, "THEY_CAN_HELP", "WE_CAN_HELP");
    }

    @Test
    void theOverviewCountsOnlyWhatBothAllow() throws Exception {
        levels.share(key, partner, "COUNTS", "HIDDEN");
        assertThat(levels.read(get("/api/v1/account-mapping/partners").header("Authorization", "Bearer " + key)))
                .doesNotContain("\"overlaps\"")
                .contains("\"effectiveLevel\":\"HIDDEN\"");
        levels.share(key, partner, "COUNTS", "FULL");
        assertThat(levels.read(get("/api/v1/account-mapping/partners").header("Authorization", "Bearer " + key)))
                .contains("\"overlaps\":2", "\"coSell\":2", "\"partnerAccounts\":3")
                .as("ids are plain strings, not {\"value\": …}")
                .contains("\"" + partner.id().value() + "\"")
                .doesNotContain("\"value\"");
    }

    @Test
    void theOverlapIsComputedOnSaltedHashesNotStoredDomains() {
        byte[] hash = db.sql(
                        "select domain_hash from deals_mapping_account where workspace_id = ? and partner_id = ? and domain = 'globex.com'")
                .params(tenant.id().value(), partner.id().value())
                .query(byte[].class)
                .single();
        assertThat(hash).hasSize(32);
        // Not the plain digest of the domain: without the partnership's salt the hash says nothing.
        assertThat(db.sql("select sha256(convert_to('globex.com', 'UTF8')) = ?")
                        .param(hash)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void aSharingLevelThatDoesNotExistIsRefusedByName() throws Exception {
        mvc.perform(put("/api/v1/account-mapping/partners/" + partner.id() + "/sharing")
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content("{\"level\":\"EVERYTHING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                                .value("level"));
        mvc.perform(put("/api/v1/account-mapping/accounts")
                        .header("Authorization", "Bearer " + key)
                        .contentType("text/csv")
                        .content("name,domain,status\nBroken,not a domain,customer\n"))
                .andExpect(status().isBadRequest());
        assertThat(levels.read(get("/api/v1/account-mapping/accounts").header("Authorization", "Bearer " + key)))
                .as("the list is unchanged")
                .contains(VENDOR_ONLY);
    }
}
