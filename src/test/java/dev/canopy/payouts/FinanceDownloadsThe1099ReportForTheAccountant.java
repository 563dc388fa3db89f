package dev.canopy.payouts;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The 1099 report in the console: this year's partners with their flag and the threshold's source, a payment no rate
 * converts shown as such, an empty year, the CSV for the accountant, a year that is not one refused with a 400 that
 * says why, and who may look.
 */
@CanopyTest
class FinanceDownloadsThe1099ReportForTheAccountant {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Form1099Report report;

    @Autowired
    PayoutDetails details;

    PayoutFixtures f;
    Fixtures.Tenant tenant;
    VendorUser finance;

    @BeforeEach
    void aWorkspaceWithFinance() {
        f = new PayoutFixtures(context);
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
    }

    @Test
    void thisYearsPartnersOnScreenAndInTheCsv() throws Exception {
        ProgramView dollars = f.referralProgramme(tenant, "USD");
        ProgramView pounds = f.referralProgramme(tenant, "GBP");
        DealFixtures.Member us = f.paypalPartner(tenant, dollars, null);
        fixtures.as(
                tenant.owner(),
                () -> details.saveTax(
                        us.id(),
                        new PayoutDetails.TaxInput(
                                "US",
                                "Legal " + us.id().value(),
                                "1 Main St, Austin TX",
                                null,
                                null,
                                "W9",
                                "123456789")));
        DealFixtures.Member uk = f.paypalPartner(tenant, pounds, "GB");
        f.approvedCommission(tenant, dollars, us.id(), "20000", "USD"); // 15 %: 3,000.00
        f.approvedCommission(tenant, pounds, uk.id(), "2000", "GBP"); // 300.00 GBP, no rate to USD
        f.paidRun(tenant);
        Form1099Year thisYear = fixtures.as(finance, () -> report.report(null));
        int year = thisYear.year();
        String usName = name(thisYear, us);
        String ukName = name(thisYear, uk);

        assertThat(page("/app/payouts", finance)).contains("href=\"/app/payouts/1099\"");
        String page = page("/app/payouts/1099", finance);
        assertThat(page)
                .contains(usName, "1099-NEC required", "W-9", "3,000.00")
                .contains(ukName, "Exchange rate missing", "Not converted", "300.00 GBP")
                .contains(thisYear.thresholdNote())
                .contains("data-testid=\"form1099-csv\"")
                .contains("<option value=\"" + (year - 1) + "\"");

        assertThat(page("/app/payouts/1099?year=" + (year - 1), finance))
                .contains("No partner reached the threshold in " + (year - 1))
                .doesNotContain(usName);

        String csv = mvc.perform(get("/app/payouts/1099.csv")
                        .param("year", String.valueOf(year))
                        .with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("form-1099-" + year + ".csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList())
                .first()
                .isEqualTo(
                        "Year,Partner,Legal name,TIN,Address,Country,US form,Paid (USD),Payments,Not converted,Flag,Threshold (USD)");
        assertThat(csv)
                .contains(year + "," + usName + ",Legal " + us.id().value()
                        + ",12-3456789,\"1 Main St, Austin TX\",US,W-9,3000.00,1,,1099-NEC required,"
                        + thisYear.threshold().amount().toPlainString())
                .contains(year + "," + ukName + ",,,,GB,None,0.00,1,GBP 300.00 paid ");
    }

    @Test
    void aYearThatIsNotOneIsA400ThatSaysWhy() throws Exception {
        assertThat(bad("/app/payouts/1099?year=twenty"))
                .contains("data-testid=\"year-error\"")
                .contains("Year: Enter a year as four digits")
                .contains("data-testid=\"year-picker\"");
        assertThat(bad("/app/payouts/1099?year=1999")).contains("Year: No 1099 threshold is recorded for 1999");
        assertThat(bad("/app/payouts/1099.csv?year=20x6"))
                .isEqualTo("Year: Enter a year as four digits, like "
                        + fixtures.as(finance, () -> report.report(null)).year());
        assertThat(bad("/app/payouts/1099.csv?year=3000")).contains("Year: 3000 has not begun yet");
    }

    @Test
    void thoseWhoReadPayoutsSeeItOthersDoNot() throws Exception {
        for (Role role : List.of(Role.OWNER, Role.ADMIN, Role.FINANCE, Role.ANALYST)) {
            VendorUser user = fixtures.member(tenant, role);
            assertThat(page("/app/payouts/1099", user)).contains("No partner reached the threshold");
            mvc.perform(get("/app/payouts/1099.csv").with(signedIn(user))).andExpect(status().isOk());
        }
        for (Role role : List.of(Role.PARTNER_MANAGER, Role.SALES)) {
            VendorUser user = fixtures.member(tenant, role);
            mvc.perform(get("/app/payouts/1099").with(signedIn(user))).andExpect(status().isForbidden());
            mvc.perform(get("/app/payouts/1099.csv").with(signedIn(user))).andExpect(status().isForbidden());
        }
    }

    private static String name(Form1099Year year, DealFixtures.Member member) {
        return year.rows().stream()
                .filter(r -> r.partner().equals(member.id()))
                .findFirst()
                .orElseThrow()
                .partnerName();
    }

    private String page(String path, VendorUser user) throws Exception {
        return fetch(path, status().isOk(), user);
    }

    private String bad(String path) throws Exception {
        return fetch(path, status().isBadRequest(), finance);
    }

    private String fetch(String path, ResultMatcher expected, VendorUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
