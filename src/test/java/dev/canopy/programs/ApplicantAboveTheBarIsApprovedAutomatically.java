package dev.canopy.programs;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.partners.PartnerType;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public application form scores each application: high scores are approved at once (the company
 * becomes a partner, its contact is invited, it joins the programme at the entry tier), low scores are
 * declined at once, the rest wait in the inbox, where a partner manager approves or declines them.
 */
@CanopyTest
class ApplicantAboveTheBarIsApprovedAutomatically {

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

    private ProgramFixtures programFixtures;
    private Fixtures.Tenant tenant;
    private ProgramView program;
    private Question sellers;
    private Question focus;

    @BeforeEach
    void aScoredProgramme() {
        programFixtures = new ProgramFixtures(context);
        tenant = fixtures.newWorkspace();
        program = programFixtures.program(tenant, "Reseller", PartnerType.RESELLER, PartnerType.MSP);
        programFixtures.ladder(tenant, program.id());
        sellers = programFixtures.as(
                tenant, () -> programs.addQuestion(program.id(), "How many sellers?", "NUMBER", true, ""));
        focus = programFixtures.as(
                tenant,
                () -> programs.addQuestion(
                        program.id(), "Your focus", "SINGLE_CHOICE", true, "Mid-market\nEnterprise\nConsumer"));
        programFixtures.as(tenant, () -> {
            programs.addCriterion(
                    program.id(),
                    new CriterionInput("NUMBER_AT_LEAST", sellers.id().toString(), null, "10", null, "40"));
            programs.addCriterion(
                    program.id(), new CriterionInput("CHOICE", focus.id().toString(), "Enterprise", null, null, "30"));
            programs.addCriterion(program.id(), new CriterionInput("PARTNER_TYPE", null, null, null, "MSP", "20"));
            return programs.setAutomaticDecisions(program.id(), "70", "20");
        });
    }

    MockHttpServletRequestBuilder application(
            String company, String email, String sellerCount, String focusAnswer, String... types) {
        MockHttpServletRequestBuilder request = post("/programs/" + tenant.slug() + "/" + program.slug())
                .with(csrf())
                .with(ProgramFixtures.newClient())
                .param("companyName", company)
                .param("website", company.toLowerCase().replace(' ', '-') + ".example")
                .param("contactName", "Ana Applicant")
                .param("contactEmail", email)
                .param("region", "EMEA")
                .param(sellers.field(), sellerCount)
                .param(focus.field(), focusAnswer);
        for (String type : types) {
            request.param("partnerTypes", type);
        }
        return request;
    }

    private ApplicationView latest(String email) {
        UUID id = db.sql("select id from programs_application where contact_email = ?")
                .param(email)
                .query(UUID.class)
                .single();
        return programFixtures.as(
                tenant, () -> context.getBean(Recruitment.class).application(id));
    }

    @Test
    void theProgrammePageShowsTheOfferAndTheForm() throws Exception {
        mvc.perform(get("/programs/" + tenant.slug() + "/" + program.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("15–30 %")))
                .andExpect(content().string(Matchers.containsString("How many sellers?")))
                .andExpect(content().string(Matchers.containsString("Enterprise")))
                .andExpect(content().string(Matchers.containsString("Gold")));
        mvc.perform(get("/programs/" + tenant.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Reseller")))
                // Each programme's card has an Apply button that leads to the form.
                .andExpect(content()
                        .string(Matchers.matchesPattern("(?s).*<a [^>]*href=\"/programs/" + tenant.slug() + "/"
                                + program.slug() + "#apply\"[^>]*>\\s*Apply\\s*</a>.*")));
        mvc.perform(get("/programs/" + tenant.slug() + "/no-such-programme")).andExpect(status().isNotFound());
        mvc.perform(get("/programs/no-such-workspace-" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void aHighScoreIsApprovedInvitedAndEnrolledAtTheEntryTier() throws Exception {
        String email = Fixtures.uniqueEmail("ana");
        mvc.perform(application("Bright Systems", email, "25", "Enterprise", "RESELLER", "MSP"))
                .andExpect(
                        redirectedUrl("/programs/" + tenant.slug() + "/" + program.slug() + "/thanks?result=approved"));

        ApplicationView application = latest(email);
        assertThat(application.score()).isEqualTo(90);
        assertThat(application.scoreLines()).extracting(ScoreLine::points).containsExactlyInAnyOrder(40, 30, 20);
        assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.decidedBy()).contains("Automatic");
        assertThat(application.partnerId()).isNotNull();

        List<MembershipView> members = programFixtures.as(
                tenant, () -> context.getBean(Memberships.class).list(program.id(), null));
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.partnerName()).isEqualTo("Bright Systems");
            assertThat(m.tierName()).isEqualTo("Registered");
        });
        assertThat(mail.messagesTo(email))
                .singleElement()
                .satisfies(m -> assertThat(m.links()).anyMatch(l -> l.contains("/portal/join/")));
        assertThat(db.sql("select action from audit_event where workspace_id = ? order by id")
                        .param(tenant.id().value())
                        .query(String.class)
                        .list())
                .containsSubsequence(
                        "programs.application.submitted",
                        "partner.approved",
                        "programs.application.approved",
                        "programs.membership.created",
                        "programs.tier.changed");
        mvc.perform(get("/programs/" + tenant.slug() + "/" + program.slug() + "/thanks?result=approved"))
                .andExpect(content().string(Matchers.containsString("Welcome aboard")));
    }

    @Test
    void aHighScoreTheApplicantCannotBeAdmittedForWaitsForAPerson() throws Exception {
        // The contact already has a partner portal account (one address is one partner identity).
        String taken = fixtures.partnerUser(fixtures.newWorkspace());
        mvc.perform(application("Taken Co", taken, "25", "Enterprise", "RESELLER", "MSP"))
                .andExpect(
                        redirectedUrl("/programs/" + tenant.slug() + "/" + program.slug() + "/thanks?result=pending"));
        ApplicationView application = latest(taken);
        assertThat(application.score()).isEqualTo(90);
        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(fixtures.count("partners_partner", tenant.id())).isZero();
        assertThat(fixtures.count("programs_membership", tenant.id())).isZero();

        mvc.perform(post("/app/applications/" + application.id() + "/approve")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/applications/" + application.id()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", Matchers.containsString("already has a partner portal account")));
        assertThat(latest(taken).status()).isEqualTo(ApplicationStatus.PENDING);
    }

    @Test
    void aLowScoreIsDeclinedAtOnceWithAnEmail() throws Exception {
        String email = Fixtures.uniqueEmail("low");
        mvc.perform(application("Tiny Shop", email, "1", "Consumer", "RESELLER"))
                .andExpect(
                        redirectedUrl("/programs/" + tenant.slug() + "/" + program.slug() + "/thanks?result=rejected"));
        ApplicationView application = latest(email);
        assertThat(application.score()).isZero();
        assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(application.decisionReason()).isNotBlank();
        assertThat(mail.messagesTo(email)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("Reseller");
            assertThat(m.text()).contains("apply again from");
        });
        assertThat(fixtures.count("programs_membership", tenant.id())).isZero();
    }

    @Test
    void aMiddlingScoreWaitsForAPartnerManagerWhoApprovesIt() throws Exception {
        String email = Fixtures.uniqueEmail("mid");
        mvc.perform(application("Middle Co", email, "12", "Mid-market", "RESELLER"))
                .andExpect(
                        redirectedUrl("/programs/" + tenant.slug() + "/" + program.slug() + "/thanks?result=pending"));
        ApplicationView application = latest(email);
        assertThat(application.score()).isEqualTo(40);
        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(mail.messagesTo(email)).isEmpty();

        var manager = fixtures.member(tenant, dev.canopy.identity.Role.PARTNER_MANAGER);
        mvc.perform(get("/app/applications").with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Middle Co")));
        mvc.perform(get("/app/applications/" + application.id()).with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("How many sellers?")));
        mvc.perform(post("/app/applications/" + application.id() + "/approve")
                        .with(signedIn(manager))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/applications/" + application.id()));
        assertThat(latest(email).status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(latest(email).decidedBy()).contains("Member Partner manager");
        assertThat(mail.messagesTo(email)).hasSize(1);

        // Deciding twice is refused, and nothing changes.
        mvc.perform(post("/app/applications/" + application.id() + "/reject")
                        .with(signedIn(manager))
                        .with(csrf())
                        .param("reason", "Changed our mind"))
                .andExpect(redirectedUrl("/app/applications/" + application.id()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", Matchers.containsString("decided already")));
        assertThat(latest(email).status()).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void anAnalystSeesTheInboxButCannotDecide() throws Exception {
        String email = Fixtures.uniqueEmail("wait");
        mvc.perform(application("Waiting Co", email, "12", "Mid-market", "RESELLER"));
        ApplicationView application = latest(email);
        var analyst = fixtures.member(tenant, dev.canopy.identity.Role.ANALYST);
        mvc.perform(get("/app/applications").with(signedIn(analyst))).andExpect(status().isOk());
        mvc.perform(post("/app/applications/" + application.id() + "/approve")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(latest(email).status()).isEqualTo(ApplicationStatus.PENDING);
    }
}
