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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Beyond the account-mapping pages: the audit log the vendor reads and the hint a partner gets while typing
 * a web address reveal no name or count the sharing level forbids ("Hidden: nothing, not even how many
 * accounts"). Every answer is read raw, as the vendor and as the partner, after the partner uploads its
 * list at each level.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiddenHidesEverythingEverywhere {

    static final String VENDOR_ONLY_CUSTOMER = "zyxcorp-vendor-only.com";
    static final String VENDOR_ONLY_NAME = "Zyxcorp Vendoronly";
    static final String PARTNER_ONLY = "qwerty-partner-only.com";
    static final String PARTNER_ONLY_NAME = "Qwerty Partneronly";
    static final String PARTNER_SHARED_NAME = "Sharedco Partnerside";
    static final String PARTNER_LIST = "name,domain,status\n" + PARTNER_ONLY_NAME + "," + PARTNER_ONLY + ",prospect\n"
            + PARTNER_SHARED_NAME + ",sharedco.com,customer\nThird Partnerside,third-partner.com,prospect\n";

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    Fixtures.Tenant tenant;
    DealFixtures f;
    SharingLevels levels;
    DealFixtures.Member partner;
    String key;

    @BeforeAll
    void theVendorListsAnOpportunityBothHaveAndACustomerOfItsOwn() throws Exception {
        f = new DealFixtures(context);
        levels = new SharingLevels(mvc, f);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        partner = f.member(tenant, program);
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(put("/api/v1/account-mapping/accounts")
                        .header("Authorization", "Bearer " + key)
                        .contentType("text/csv")
                        .content("name,domain,status\n" + VENDOR_ONLY_NAME + "," + VENDOR_ONLY_CUSTOMER + ",customer\n"
                                + "Sharedco Vendorside,sharedco.com,open opportunity\n"))
                .andExpect(status().isOk());
    }

    static Stream<Arguments> levels() {
        return Stream.of("HIDDEN", "COUNTS", "OVERLAPS", "FULL")
                .flatMap(level -> Stream.of(Arguments.of(level, "FULL"), Arguments.of("FULL", level)));
    }

    @ParameterizedTest(name = "vendor shares {0}, partner shares {1}")
    @MethodSource("levels")
    void theAuditLogAndTheRegistrationHintShowWhatTheLowerLevelAllows(String vendorLevel, String partnerLevel)
            throws Exception {
        levels.share(key, partner, vendorLevel, partnerLevel);
        uploadThePartnersList();
        String effective = vendorLevel.equals("FULL") ? partnerLevel : vendorLevel;
        int rank = List.of("HIDDEN", "COUNTS", "OVERLAPS", "FULL").indexOf(effective);

        String lastUpload = levels.read(get("/api/v1/audit-events")
                .param("action", "deals.mapping.partner-uploaded")
                .param("limit", "1")
                .header("Authorization", "Bearer " + key));
        assertThat(lastUpload).contains("deals.mapping.partner-uploaded");
        assertShown(lastUpload, rank >= 1, "\"accounts\":3");
        for (String auditLog : List.of(
                levels.read(get("/api/v1/audit-events").header("Authorization", "Bearer " + key)),
                levels.read(get("/app/audit").with(signedIn(tenant.owner()))))) {
            assertThat(auditLog).doesNotContain(PARTNER_SHARED_NAME, PARTNER_ONLY_NAME, PARTNER_ONLY);
        }
        assertThat(levels.read(get("/app/account-mapping").with(signedIn(tenant.owner()))))
                .doesNotContain(PARTNER_SHARED_NAME, PARTNER_ONLY_NAME, PARTNER_ONLY);
        String partnership =
                levels.read(get("/app/account-mapping/" + partner.id()).with(signedIn(tenant.owner())));
        assertShown(partnership, rank >= 2, PARTNER_SHARED_NAME);
        assertShown(partnership, rank >= 3, PARTNER_ONLY_NAME, PARTNER_ONLY);

        String hintForTheirCustomer = hint(VENDOR_ONLY_CUSTOMER);
        String hintForTheOverlap = hint("www.sharedco.com");
        assertShown(hintForTheirCustomer, rank >= 3, "conflict-hint");
        assertShown(hintForTheOverlap, rank >= 2, "conflict-hint");
        for (String partnerSees : List.of(
                hintForTheirCustomer,
                hintForTheOverlap,
                levels.read(get("/portal/deals/new").with(f.portal(partner))))) {
            assertThat(partnerSees).doesNotContain(VENDOR_ONLY_NAME, "Sharedco Vendorside");
        }
        assertShown(levels.read(get("/portal/accounts").with(f.portal(partner))), rank >= 3, VENDOR_ONLY_NAME);
    }

    private String hint(String website) throws Exception {
        return levels.read(get("/portal/deals/hint").param("website", website).with(f.portal(partner)));
    }

    private void uploadThePartnersList() throws Exception {
        mvc.perform(multipart("/portal/accounts")
                        .file(new MockMultipartFile(
                                "file", "accounts.csv", "text/csv", PARTNER_LIST.getBytes(StandardCharsets.UTF_8)))
                        .with(f.portal(partner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }
}
