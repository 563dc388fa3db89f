package dev.canopy.programs;

import static dev.canopy.programs.ProgramFixtures.partnerUser;
import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Terms are versioned: publishing a version makes every member accept it before anything else in the
 * portal, and each acceptance records the company, the person and the version.
 */
@CanopyTest
class NewTermsVersionAsksEveryMemberAgain {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    private ProgramFixtures programFixtures;
    private Fixtures.Tenant tenant;
    private ProgramView program;
    private PartnerId bluebird;
    private PartnerId cedar;

    @BeforeEach
    void twoMembers() {
        programFixtures = new ProgramFixtures(context);
        tenant = fixtures.newWorkspace();
        program = programFixtures.program(tenant, "Reseller", PartnerType.RESELLER);
        bluebird = programFixtures.partner(tenant, "Bluebird Consulting");
        cedar = programFixtures.partner(tenant, "Cedar Systems");
        programFixtures.enrol(tenant, program.id(), bluebird);
        programFixtures.enrol(tenant, program.id(), cedar);
    }

    private void publish(String body) throws Exception {
        mvc.perform(post("/app/programs/" + program.id() + "/terms")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("body", body))
                .andExpect(redirectedUrl("/app/programs/" + program.id() + "/terms"));
    }

    private String termsPage() {
        return "/portal/programs/" + program.id() + "/terms";
    }

    @Test
    void withoutTermsNothingIsAskedAndThePortalOpens() throws Exception {
        mvc.perform(get("/portal").with(partnerUser(tenant, bluebird))).andExpect(status().isOk());
        mvc.perform(get("/portal/programs").with(partnerUser(tenant, bluebird)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Reseller")));
    }

    @Test
    void everyMemberAcceptsEachNewVersionBeforeUsingThePortal() throws Exception {
        publish("1. Partner earns 15 % margin.");
        RequestPostProcessor pat = partnerUser(tenant, bluebird);

        // The gate: any portal page leads to the terms first.
        mvc.perform(get("/portal").with(pat)).andExpect(redirectedUrl(termsPage()));
        mvc.perform(get("/portal/programs").with(pat)).andExpect(redirectedUrl(termsPage()));
        mvc.perform(get("/portal/company").with(pat)).andExpect(redirectedUrl(termsPage()));
        mvc.perform(get(termsPage()).with(pat))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Partner earns 15 % margin.")));

        mvc.perform(post(termsPage()).with(pat).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/portal/programs"));
        mvc.perform(get("/portal").with(pat)).andExpect(status().isOk());
        mvc.perform(get("/portal/programs").with(pat))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("accepted on")));
        // Cedar has not accepted: the gate still holds for its people.
        mvc.perform(get("/portal").with(partnerUser(tenant, cedar))).andExpect(redirectedUrl(termsPage()));

        // A new version asks again, and an old version can no longer be accepted.
        publish("1. Partner earns 15 % margin.\n2. Partner keeps customer data confidential.");
        mvc.perform(get("/portal").with(pat)).andExpect(redirectedUrl(termsPage()));
        mvc.perform(get(termsPage()).with(pat))
                .andExpect(content().string(Matchers.containsString("The terms changed since you accepted version")));
        mvc.perform(post(termsPage()).with(pat).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl(termsPage()))
                .andExpect(flash().attribute("flashError", Matchers.containsString("changed")));
        mvc.perform(post(termsPage()).with(pat).with(csrf()).param("version", "2"))
                .andExpect(redirectedUrl("/portal/programs"));
        mvc.perform(get("/portal").with(pat)).andExpect(status().isOk());

        assertThat(db.sql("""
                        select version || ':' || accepted_by_name from programs_terms_acceptance
                        where program_id = ? and partner_id = ? order by version
                        """)
                        .params(program.id().value(), bluebird.value())
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allMatch(row -> row.contains("Pat Partner"))
                .first()
                .asString()
                .startsWith("1:");
        assertThat(db.sql("select count(*) from programs_terms_acceptance where partner_id = ?")
                        .param(cedar.value())
                        .query(Long.class)
                        .single())
                .isZero();

        // The console shows who accepted which version.
        mvc.perform(get("/app/programs/" + program.id() + "/members").with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Accepted v2")))
                .andExpect(content().string(Matchers.containsString("Pending")));
        assertThat(db.sql(
                                "select action from audit_event where workspace_id = ? and action like 'programs.terms.%' order by id")
                        .param(tenant.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "programs.terms.published",
                        "programs.terms.accepted",
                        "programs.terms.published",
                        "programs.terms.accepted");
    }

    @Test
    void emptyTermsAreRefusedAndOnlyWritersPublish() throws Exception {
        mvc.perform(post("/app/programs/" + program.id() + "/terms")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("body", "   "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("termsForm", "body"));
        mvc.perform(post("/app/programs/" + program.id() + "/terms")
                        .with(signedIn(fixtures.member(tenant, Role.SALES)))
                        .with(csrf())
                        .param("body", "Sneaky terms"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.count("programs_terms_version", tenant.id())).isZero();
    }

    @Test
    void partnersOutsideTheProgrammeSeeNoTermsOfIt() throws Exception {
        publish("Terms");
        PartnerId outsider = programFixtures.partner(tenant, "Outsider");
        mvc.perform(get("/portal").with(partnerUser(tenant, outsider))).andExpect(status().isOk());
        mvc.perform(get(termsPage()).with(partnerUser(tenant, outsider))).andExpect(status().isNotFound());
        mvc.perform(post(termsPage())
                        .with(partnerUser(tenant, outsider))
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(status().isNotFound());
        assertThat(fixtures.count("programs_terms_acceptance", tenant.id())).isZero();
    }
}
