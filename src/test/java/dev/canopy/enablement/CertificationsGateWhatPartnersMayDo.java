package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealRules;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A programme asks for certified people before a partner may register deals, hold a tier or open an asset. With a
 * moving clock: the gate is closed until a person earns the certification, stays open for the programme's grace
 * period after the certificate expires, then closes; deals protected meanwhile keep their protection; the tier is
 * kept through the grace period and lost after it. The portal says what is missing and links to the course.
 */
@CanopyTest
class CertificationsGateWhatPartnersMayDo {

    private static final Duration GRACE = Duration.ofDays(90);

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Courses courses;

    @Autowired
    Learning learning;

    @Autowired
    Certifications certifications;

    @Autowired
    Requirements requirements;

    @Autowired
    ContentLibrary library;

    @Autowired
    Deals deals;

    @Autowired
    DealRules dealRules;

    @Autowired
    Tiers tiers;

    @Autowired
    Memberships memberships;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    MockMvc mvc;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member member;
    CourseView course;
    LessonView lesson;
    CertificationView certification;

    @BeforeEach
    void aCertificationOfOneCourse() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        assertThat(program.demotionGraceDays()).isEqualTo(GRACE.toDays());
        member = f.member(tenant, program);
        f.asStaff(tenant, () -> {
            course = courses.create(CourseFixtures.everyone("Seller basics"));
            lesson = courses.addLesson(course.id(), CourseFixtures.text("Read"), null);
            courses.publish(course.id());
            certification = certifications.create(new CertificationInput(
                    "Certified seller", "", List.of(course.id().toString()), "12"));
            return null;
        });
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dealRegistrationClosesOnlyAfterTheGracePeriodAndProtectedDealsKeepTheirProtection() throws Exception {
        require(RequirementSubject.DEAL_REGISTRATION, null, null);

        assertThatThrownBy(() -> f.register(member, program, "Acme", "acme-gate.example"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("programId");
                            assertThat(p.message())
                                    .contains("1 person with an active “Certified seller” certification")
                                    .contains("your company has 0");
                        }));
        assertThat(registrations()).isZero();
        String form = portal("/portal/deals/new");
        assertThat(form)
                .contains("data-state=\"closed\"")
                .contains("needs 1 person with an active “Certified seller” certification; your company has 0")
                .contains("/portal/learning/" + course.id());

        f.asPartner(member, () -> learning.markDone(lesson.id()));
        DealView first = f.register(member, program, "Acme", "acme-gate.example");
        assertThat(portal("/portal/deals/new")).doesNotContain("registration-gate");
        Instant expiry = certificate().expiresAt();

        // A day after the certificate expired: registrations stay open for the grace period.
        clock.setTo(expiry.plus(Duration.ofDays(1)));
        assertThat(f.asPartner(member, dealRules::myRegistrationRequirements).get(program))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.met()).isFalse();
                    assertThat(r.held()).isZero();
                    assertThat(r.openUntil()).isEqualTo(expiry.plus(GRACE));
                });
        DealView duringGrace = f.register(member, program, "Globex", "globex-gate.example");
        f.asStaff(tenant, () -> deals.approve(duringGrace.id()));
        assertThat(portal("/portal/deals/new")).contains("data-state=\"grace\"");

        clock.setTo(expiry.plus(GRACE).minusSeconds(60));
        f.register(member, program, "Initech", "initech-gate.example");

        clock.setTo(expiry.plus(GRACE));
        assertThatThrownBy(() -> f.register(member, program, "Umbrella", "umbrella-gate.example"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(registrations()).isEqualTo(3);
        DealView kept = f.asStaff(tenant, () -> deals.get(duringGrace.id()));
        assertThat(kept.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(kept.protectedUntil()).isAfter(clock.instant());
        assertThat(f.asStaff(tenant, () -> deals.get(first.id())).status()).isEqualTo(DealStatus.PENDING);
    }

    @Test
    void aTierThatRequiresCertifiedPeopleIsKeptThroughTheGracePeriodAndLostAfterIt() throws Exception {
        TierView gold = f.asStaff(tenant, () -> {
            tiers.addTier(program.id(), new TierDraft("Silver", "", Map.of()));
            return tiers.addTier(program.id(), new TierDraft("Gold", "", Map.of()));
        });
        require(RequirementSubject.TIER, gold.id().toString(), null);

        f.asStaff(tenant, () -> tiers.evaluate(program.id()));
        assertThat(tierOf(member)).isEqualTo("Silver");
        assertThat(portal("/portal/programs"))
                .contains("data-testid=\"tier-requirement\"")
                .contains("Needs 1 person with an active “Certified seller” certification: 0 now.")
                .contains("/portal/learning/" + course.id());
        assertThat(portal("/portal/certifications")).contains("The Gold tier in " + program.name());

        f.asPartner(member, () -> learning.markDone(lesson.id()));
        f.asStaff(tenant, () -> tiers.evaluate(program.id()));
        assertThat(tierOf(member)).isEqualTo("Gold");
        Instant expiry = certificate().expiresAt();

        clock.setTo(expiry.plus(Duration.ofDays(1)));
        f.asStaff(tenant, () -> tiers.evaluate(program.id()));
        assertThat(tierOf(member)).isEqualTo("Gold");
        assertThat(portal("/portal/programs"))
                .contains("data-testid=\"tier-requirement-unmet\"")
                .contains("data-testid=\"grace-notice\"");

        // The clock runs on from each setting, so each step keeps a minute's margin.
        clock.setTo(expiry.plus(Duration.ofDays(1)).plus(GRACE).minusSeconds(60));
        f.asStaff(tenant, () -> tiers.evaluate(program.id()));
        assertThat(tierOf(member)).isEqualTo("Gold");

        clock.setTo(expiry.plus(Duration.ofDays(1)).plus(GRACE).plusSeconds(60));
        f.asStaff(tenant, () -> tiers.evaluate(program.id()));
        assertThat(tierOf(member)).isEqualTo("Silver");
    }

    @Test
    void anAssetBehindARequirementShowsWhatIsMissingAndRefusesItsFileUntilMet() throws Exception {
        AssetView prices = f.asStaff(
                tenant,
                () -> library.create(
                        new AssetInput(
                                "FILE",
                                "Price list",
                                "",
                                "",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        Upload.of("prices.pdf", SampleFiles.pdf("Prices 2027"))));
        require(RequirementSubject.ASSET, null, prices.id().toString());
        // A partner in another programme is not bound by this programme's requirement.
        DealFixtures.Member outsider = f.member(tenant, f.program(tenant));

        assertThatThrownBy(() -> f.asPartner(member, () -> library.download(prices.id(), null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("1 person with an active “Certified seller” certification");
        String page = portal("/portal/content/" + prices.id());
        assertThat(page)
                .contains("data-state=\"closed\"")
                .contains("/portal/learning/" + course.id())
                .doesNotContain("data-testid=\"download\"")
                .doesNotContain("data-testid=\"share\"");
        mvc.perform(get("/portal/content/" + prices.id() + "/download").with(f.portal(member)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/portal/content/" + prices.id() + "/share")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(db.sql("select count(*) from enablement_share where asset_id = ?")
                        .param(prices.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(f.asPartner(outsider, () -> library.download(prices.id(), null))
                        .fileName())
                .isEqualTo("prices.pdf");
        assertThat(portal("/portal/certifications"))
                .contains("data-testid=\"requirements\"")
                .contains("Price list");
        assertThat(portal("/portal/content")).contains("data-testid=\"locked\"");

        f.asPartner(member, () -> learning.markDone(lesson.id()));
        assertThat(f.asPartner(member, () -> library.download(prices.id(), null))
                        .fileName())
                .isEqualTo("prices.pdf");
        assertThat(portal("/portal/content/" + prices.id())).contains("data-testid=\"download\"");
        assertThat(portal("/portal/content")).doesNotContain("data-testid=\"locked\"");
    }

    @Test
    void requirementsAreCheckedAndNamedWhenWrong() throws Exception {
        ProgramView other = f.program(tenant);
        TierView otherTier =
                f.asStaff(tenant, () -> tiers.addTier(other.id(), new TierDraft("Platinum", "", Map.of())));
        assertThatThrownBy(() -> f.asStaff(
                        tenant,
                        () -> requirements.create(new RequirementInput(
                                program.id().toString(),
                                certification.id().toString(),
                                "0",
                                "TIER",
                                otherTier.id().toString(),
                                null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder("minPeople", "tierId"));
        assertThatThrownBy(() -> f.asStaff(
                        tenant,
                        () -> requirements.create(
                                new RequirementInput(null, "not-an-id", "2", "ASSET", null, "\u0000"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder("certificationId", "assetId", "programId"));
        // Another workspace's certification is not one to choose.
        Fixtures.Tenant stranger = fixtures.newWorkspace();
        ProgramView strangers = f.program(stranger);
        assertThatThrownBy(() -> f.asStaff(
                        stranger,
                        () -> requirements.create(new RequirementInput(
                                strangers.id().toString(),
                                certification.id().toString(),
                                "1",
                                "DEAL_REGISTRATION",
                                null,
                                null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("certificationId"));

        // The console's form: each problem beside its field; a tier takes its own programme, whatever the form says.
        String form = "/app/certifications/" + certification.id() + "/requirements";
        mvc.perform(post(form)
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf())
                        .param("minPeople", "0")
                        .param("subject", "TIER")
                        .param("programId", program.id().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter how many people, 1 to 1000")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose the tier")));
        mvc.perform(post(form)
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf())
                        .param("minPeople", "3")
                        .param("subject", "TIER")
                        .param("programId", program.id().toString())
                        .param("tierId", otherTier.id().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.asStaff(tenant, () -> requirements.ofCertification(certification.id())))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.programId()).isEqualTo(other.id().value());
                    assertThat(r.tierName()).isEqualTo("Platinum");
                    assertThat(r.minPeople()).isEqualTo(3);
                });

        RequirementView once = require(RequirementSubject.DEAL_REGISTRATION, null, null);
        assertThatThrownBy(() -> require(RequirementSubject.DEAL_REGISTRATION, null, null))
                .isInstanceOf(ConflictException.class);
        f.asStaff(tenant, () -> {
            requirements.remove(once.id());
            return null;
        });
        assertThat(f.asStaff(tenant, () -> requirements.ofCertification(certification.id())))
                .extracting(RequirementView::subject)
                .containsExactly(RequirementSubject.TIER);
        assertThat(db.sql("select count(*) from audit_event where workspace_id = ? and action like"
                                + " 'enablement.requirement.%'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private RequirementView require(RequirementSubject subject, String tierId, String assetId) {
        return f.asStaff(
                tenant,
                () -> requirements.create(new RequirementInput(
                        subject == RequirementSubject.TIER ? null : program.id().toString(),
                        certification.id().toString(),
                        "1",
                        subject.name(),
                        tierId,
                        assetId)));
    }

    private CertificateView certificate() {
        return f.asStaff(tenant, () -> certifications.holders(certification.id()))
                .getFirst();
    }

    private long registrations() {
        return db.sql("select count(*) from deals_registration where workspace_id = ? and partner_id = ?")
                .param(tenant.id().value())
                .param(member.id().value())
                .query(Long.class)
                .single();
    }

    private String tierOf(DealFixtures.Member partner) {
        return f.asPartner(partner, () -> memberships.mine(program.id()).tier().name());
    }

    private String portal(String path) throws Exception {
        return mvc.perform(get(path).with(f.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
