package dev.canopy.programs;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.partners.PartnerType;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A declined applicant is told why by email, and its company (same email or same website domain) cannot
 * apply to the programme again until the reapply period has passed; nor can it apply twice while its
 * first application waits.
 */
@CanopyTest
class RejectedApplicantMustWaitToReapply {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Programs programs;

    @Autowired
    MailSink mail;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    private Fixtures.Tenant tenant;
    private ProgramView program;

    @BeforeEach
    void aProgrammeWithA30DayReapplyPeriod() {
        tenant = fixtures.newWorkspace();
        ProgramDraft draft = ProgramFixtures.draft("Referral", PartnerType.REFERRAL);
        program = fixtures.as(
                tenant.owner(),
                () -> programs.create(new ProgramDraft(
                        draft.name(),
                        "",
                        draft.partnerTypes(),
                        draft.valueProposition(),
                        "COMMISSION",
                        "10",
                        "20",
                        "of first-year contract value",
                        "USD",
                        null,
                        null,
                        "",
                        "",
                        "30",
                        "",
                        true)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID applicationOf(String email) {
        return db.sql("select id from programs_application where contact_email = ? order by seq desc limit 1")
                .param(email)
                .query(UUID.class)
                .single();
    }

    private long applications() {
        return fixtures.count("programs_application", tenant.id());
    }

    @Test
    void theReasonIsMailedAndTheCompanyWaitsThirtyDays() throws Exception {
        String email = Fixtures.uniqueEmail("ana");
        String domain = Fixtures.unique("acme") + ".example";
        mvc.perform(ProgramFixtures.application(tenant, program, "Acme", email, "https://www." + domain))
                .andExpect(redirectedUrl("/programs/" + tenant.slug() + "/referral/thanks?result=pending"));
        UUID id = applicationOf(email);

        // Declining needs a reason.
        mvc.perform(post("/app/applications/" + id + "/reject")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(model().attribute("reasonError", "Required"));
        assertThat(fixtures.as(
                                tenant.owner(),
                                () -> context.getBean(Recruitment.class).application(id))
                        .status())
                .isEqualTo(ApplicationStatus.PENDING);

        mvc.perform(post("/app/applications/" + id + "/reject")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("reason", "We look for partners with an active customer base in the US."))
                .andExpect(redirectedUrl("/app/applications/" + id));
        ApplicationView rejected = fixtures.as(
                tenant.owner(), () -> context.getBean(Recruitment.class).application(id));
        assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("We look for partners with an active customer base in the US.");
        List<MailSink.SinkMessage> mails = mail.messagesTo(email);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("active customer base in the US");
            assertThat(m.text()).contains("apply again from");
        });

        // The same email, or a colleague at the same domain, is turned away for 30 days.
        mvc.perform(ProgramFixtures.application(tenant, program, "Acme", email, "https://" + domain))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("you can apply again from")));
        mvc.perform(ProgramFixtures.application(
                        tenant, program, "Acme Inc", Fixtures.uniqueEmail("colleague"), "http://" + domain + "/about"))
                .andExpect(status().isBadRequest());
        assertThat(applications()).isEqualTo(1);

        clock.advance(Duration.ofDays(29));
        mvc.perform(ProgramFixtures.application(tenant, program, "Acme", email, domain))
                .andExpect(status().isBadRequest());

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(ProgramFixtures.application(tenant, program, "Acme", email, domain))
                .andExpect(redirectedUrl("/programs/" + tenant.slug() + "/referral/thanks?result=pending"));
        assertThat(applications()).isEqualTo(2);
    }

    @Test
    void aWaitingApplicationIsNotDuplicatedAndOtherCompaniesAreUnaffected() throws Exception {
        String email = Fixtures.uniqueEmail("bo");
        String domain = Fixtures.unique("bolt") + ".example";
        mvc.perform(ProgramFixtures.application(tenant, program, "Bolt", email, domain))
                .andExpect(status().is3xxRedirection());
        mvc.perform(ProgramFixtures.application(tenant, program, "Bolt", email, domain))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("We have your company")));
        mvc.perform(ProgramFixtures.application(
                        tenant, program, "Other", Fixtures.uniqueEmail("other"), Fixtures.unique("other") + ".example"))
                .andExpect(status().is3xxRedirection());
        assertThat(applications()).isEqualTo(2);
    }

    @Test
    void theApiRejectsWithAReasonToo() throws Exception {
        String key = fixtures.apiKey(tenant, dev.canopy.identity.ApiKeyScope.READ_WRITE);
        String email = Fixtures.uniqueEmail("cy");
        mvc.perform(ProgramFixtures.application(tenant, program, "Cyan", email, Fixtures.unique("cyan") + ".example"));
        UUID id = applicationOf(email);
        mvc.perform(post("/api/v1/applications/" + id + "/reject")
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                                .value("reason"));
        mvc.perform(post("/api/v1/applications/" + id + "/reject")
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content("{\"reason\":\"Not a fit for now\"}"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("REJECTED"));
        assertThat(mail.messagesTo(email))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Not a fit for now"));
    }
}
