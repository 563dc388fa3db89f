package dev.canopy.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.partners.PartnerType;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public form keeps bots out: a filled honeypot is thanked and forgotten, and one client may send
 * at most five applications an hour, counted in PostgreSQL so the limit holds across nodes.
 */
@CanopyTest
class SpamNeverReachesTheInbox {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    private Fixtures.Tenant tenant;
    private ProgramView program;

    @BeforeEach
    void aProgramme() {
        tenant = fixtures.newWorkspace();
        program = new ProgramFixtures(context).program(tenant, "Affiliate", PartnerType.AFFILIATE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MockHttpServletRequestBuilder application() {
        return ProgramFixtures.application(
                tenant, program, "Company", Fixtures.uniqueEmail("a"), Fixtures.unique("site") + ".example");
    }

    private long attempts() {
        return db.sql("select count(*) from programs_application_attempt")
                .query(Long.class)
                .single();
    }

    @Test
    void aFilledHoneypotIsThankedAndNothingIsStored() throws Exception {
        long attemptsBefore = attempts();
        long auditBefore = fixtures.count("audit_event", tenant.id());
        mvc.perform(application().param("homepage", "https://cheap-pills.example"))
                .andExpect(redirectedUrl("/programs/" + tenant.slug() + "/affiliate/thanks"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/programs/" + tenant.slug() + "/affiliate/thanks"))
                .andExpect(content().string(Matchers.containsString("Thank you for applying")));
        assertThat(fixtures.count("programs_application", tenant.id())).isZero();
        assertThat(fixtures.count("audit_event", tenant.id())).isEqualTo(auditBefore);
        assertThat(attempts()).isEqualTo(attemptsBefore);
    }

    @Test
    void aSixthApplicationFromOneClientWithinTheHourGets429() throws Exception {
        String client = ProgramFixtures.nextClientAddress();
        for (int i = 0; i < Recruitment.RATE_LIMIT; i++) {
            mvc.perform(application().with(ProgramFixtures.from(client))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(application().with(ProgramFixtures.from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(content().string(Matchers.containsString("Please try again later")));
        assertThat(fixtures.count("programs_application", tenant.id())).isEqualTo(Recruitment.RATE_LIMIT);

        // Other clients are not held back, and the client itself may apply again an hour later.
        mvc.perform(application()).andExpect(status().is3xxRedirection());
        clock.advance(Duration.ofMinutes(61));
        mvc.perform(application().with(ProgramFixtures.from(client))).andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("programs_application", tenant.id())).isEqualTo(Recruitment.RATE_LIMIT + 2);
    }
}
