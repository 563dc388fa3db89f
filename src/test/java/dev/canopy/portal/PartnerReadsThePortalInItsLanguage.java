package dev.canopy.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal in each shipped language: chosen by the partner (kept on its account and in a cookie), else the
 * browser's Accept-Language, else English; its money and dates follow the language (INR in lakhs for en-IN).
 */
@CanopyTest
class PartnerReadsThePortalInItsLanguage {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    @Autowired
    Fixtures fixtures;

    private DealFixtures deals;
    private DealFixtures.Member member;

    /** A partner with twelve lakh rupees of commission pending: 10 % of a 1.2 crore sale. */
    @BeforeEach
    void partnerPaidInRupees() {
        CommissionFixtures commissions = new CommissionFixtures(context);
        deals = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = commissions.referralProgram(tenant, "INR", 30);
        member = commissions.member(tenant, program);
        commissions.rule(tenant, program, CommissionFixtures.recurring("10"));
        commissions.sale(tenant, program, member.id(), UUID.randomUUID(), "12000000.00", "INR", true);
    }

    @Test
    void englishForIndiaGroupsRupeesInLakhs() throws Exception {
        String page = home(get("/portal").header("Accept-Language", "en-IN,en;q=0.8"));
        assertThat(pending(page)).isEqualTo("₹12,00,000.00");
        assertThat(page).contains("Welcome, ").contains("lang=\"en-IN\"");
    }

    @Test
    void withoutAChoiceOrAHeaderThePortalIsInEnglish() throws Exception {
        String page = home(get("/portal"));
        assertThat(pending(page)).isEqualTo("1,200,000.00 INR");
        assertThat(page).contains("Welcome, ").contains("Sign out").contains("lang=\"en\"");
    }

    @Test
    void germanAndFrenchFromTheBrowsersLanguages() throws Exception {
        String german = home(get("/portal").header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5"));
        assertThat(german).contains("Willkommen, ").contains("Abmelden").contains("Ausstehend");
        assertThat(pending(german)).isEqualTo("1.200.000,00 INR");

        String french = home(get("/portal").header("Accept-Language", "ja, fr-CA;q=0.8"));
        assertThat(french).contains("Bienvenue, ").contains("Se déconnecter").contains("En attente");
        assertThat(pending(french)).isEqualTo("1\u202f200\u202f000,00 INR");
    }

    @Test
    void thePartnersChoiceIsKeptOnItsAccountAndWinsOverTheBrowser() throws Exception {
        var chosen = mvc.perform(post("/portal/language")
                        .with(deals.portal(member))
                        .with(csrf())
                        .param("lang", "de")
                        .param("back", "/portal/earnings?lang=de"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/portal/earnings?lang=de"))
                .andReturn();
        assertThat(chosen.getResponse().getHeader("Set-Cookie")).startsWith("canopy_lang=de;");
        assertThat(language()).isEqualTo("de");

        String page = home(get("/portal").header("Accept-Language", "fr").cookie(new Cookie("canopy_lang", "de")));
        assertThat(page).contains("Willkommen, ").doesNotContain("Bienvenue");

        // The next sign-in, from another browser, brings the choice back.
        var signIn = mvc.perform(post("/portal/login")
                        .with(csrf())
                        .param("email", member.email())
                        .param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(signIn.getResponse().getHeaders("Set-Cookie")).anyMatch(c -> c.startsWith("canopy_lang=de;"));
    }

    @Test
    void aLanguageCanopyDoesNotShipOrAWayOutOfThePortalIsRefused() throws Exception {
        mvc.perform(post("/portal/language")
                        .with(deals.portal(member))
                        .with(csrf())
                        .param("lang", "xx")
                        .param("back", "https://evil.example/portal"))
                .andExpect(redirectedUrl("/portal"));
        mvc.perform(post("/portal/language")
                        .with(deals.portal(member))
                        .with(csrf())
                        .param("lang", "fr")
                        .param("back", "//evil.example/portal"))
                .andExpect(redirectedUrl("/portal"));
        assertThat(language()).isEqualTo("fr");
    }

    @Test
    void theConsoleStaysInEnglish() throws Exception {
        String console = mvc.perform(get("/app")
                        .with(Fixtures.signedIn(fixtures.newWorkspace().owner()))
                        .header("Accept-Language", "de")
                        .cookie(new Cookie("canopy_lang", "de")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(console).contains("Sign out").doesNotContain("Abmelden");
    }

    private String home(MockHttpServletRequestBuilder request) throws Exception {
        String page = mvc.perform(request.with(deals.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).as("a message key without text").doesNotContain("??");
        return page;
    }

    private static String pending(String page) {
        String cell = page.substring(page.indexOf("data-testid=\"earnings-pending\""));
        cell = cell.substring(0, cell.indexOf("</dd>"));
        return cell.replaceAll("<[^>]+>", "").replaceAll("^[^>]*>", "").strip();
    }

    private String language() {
        return db.sql("select language from identity_partner_user where email = ?")
                .param(member.email())
                .query(String.class)
                .single();
    }
}
