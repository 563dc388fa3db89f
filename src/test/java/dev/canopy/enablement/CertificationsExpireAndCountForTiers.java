package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.analytics.CertifiedPeople;
import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.internal.CertificationSweep;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A certification earned by completing its course, with a moving clock: reminders 60, 30 and 7 days before expiry,
 * each sent once however often the sweep runs; the expiry told once; the partner's certified people counted for
 * its tiers at every step (one, then none). Staff award one with a reason and revoke it; anyone with the code reads
 * the verification page, which shows the holder's name but not their email.
 */
@CanopyTest
@RecordApplicationEvents
class CertificationsExpireAndCountForTiers {

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
    MyCertifications mine;

    @Autowired
    Verification verification;

    @Autowired
    CertificationSweep sweep;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    MailSink mail;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    List<CertifiedPeople> dashboards;

    DealFixtures f;
    Fixtures.Tenant tenant;
    DealFixtures.Member member;
    CertificationView certification;
    LessonView lesson;

    @BeforeEach
    void aCertificationOfOneCourse() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        member = f.member(tenant, program);
        f.asStaff(tenant, () -> {
            CourseView course = courses.create(CourseFixtures.everyone("Seller basics"));
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
    void remindersGoOnceEachThenTheExpiryDropsTheTierMetric() {
        assertThat(f.asPartner(member, mine::mine).getFirst().inProgress()).isTrue();
        f.asPartner(member, () -> learning.markDone(lesson.id()));

        CertificateView certificate = f.asStaff(tenant, () -> certifications.holders(certification.id()))
                .getFirst();
        assertThat(certificate.state()).isEqualTo(CertificateState.ACTIVE);
        assertThat(certificate.expiresAt())
                .isEqualTo(certificate
                        .earnedAt()
                        .atZone(java.time.ZoneOffset.UTC)
                        .plusMonths(12)
                        .toInstant());
        assertThat(events.stream(CertificationEarned.class)).singleElement();
        assertThat(certifiedPeople()).contains(BigDecimal.ONE);
        assertThat(onDashboards()).isEqualTo(1);
        assertThat(f.asPartner(member, mine::mine).getFirst().certificate().state())
                .isEqualTo(CertificateState.ACTIVE);

        // Other tests' certificates may fall due in the same sweeps: only this workspace's are counted.
        Instant expiry = certificate.expiresAt();
        clock.setTo(expiry.minus(Duration.ofDays(59)));
        sweep.sweep();
        sweep.sweep();
        assertThat(reminders()).containsExactly(60);
        clock.setTo(expiry.minus(Duration.ofDays(45)));
        sweep.sweep();
        assertThat(reminders()).containsExactly(60);
        clock.setTo(expiry.minus(Duration.ofDays(29)));
        sweep.sweep();
        clock.setTo(expiry.minus(Duration.ofDays(6)));
        sweep.sweep();
        sweep.sweep();
        assertThat(reminders()).containsExactly(60, 30, 7);
        await().untilAsserted(() -> assertThat(mail.messagesTo(member.email()))
                .filteredOn(m -> m.subject().contains("Certified seller"))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.text()).contains("/portal/certifications")));
        assertThat(f.asStaff(tenant, () -> certifications.holders(certification.id()))
                        .getFirst()
                        .state())
                .isEqualTo(CertificateState.EXPIRING);
        assertThat(certifiedPeople()).contains(BigDecimal.ONE);

        clock.setTo(expiry.plusSeconds(1));
        sweep.sweep();
        sweep.sweep();
        assertThat(events.stream(CertificationExpired.class)
                        .filter(e -> e.workspace().equals(tenant.id())))
                .singleElement();
        assertThat(certifiedPeople()).contains(BigDecimal.ZERO);
        assertThat(onDashboards()).isZero();
        assertThat(verification.verify(certificate.code()).state()).isEqualTo(CertificateState.EXPIRED);
    }

    @Test
    void twoCoursesFinishedAtOnceEarnTheCertificationOnce() throws Exception {
        LessonView second = f.asStaff(tenant, () -> {
            CourseView course = courses.create(CourseFixtures.everyone("Seller advanced"));
            LessonView only = courses.addLesson(course.id(), CourseFixtures.text("Read more"), null);
            courses.publish(course.id());
            CertificationView both = certifications.create(new CertificationInput(
                    "Certified expert",
                    "",
                    List.of(lesson.courseId().toString(), course.id().toString()),
                    null));
            assertThat(both.validMonths()).isNull();
            return only;
        });

        // The two last lessons, done in two tabs at the same moment: each completes its own course.
        for (int round = 0; round < 10; round++) {
            DealFixtures.Member learner = f.member(tenant, f.program(tenant));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = List.of(lesson, second).stream()
                        .<java.util.concurrent.Future<?>>map(l -> tabs.submit(() -> f.asPartner(learner, () -> {
                            try {
                                start.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return learning.markDone(l.id());
                        })))
                        .toList();
                for (java.util.concurrent.Future<?> tab : done) {
                    tab.get();
                }
            } finally {
                tabs.shutdown();
            }
            assertThat(db.sql("select count(*) from enablement_certificate c"
                                    + " join enablement_certification f on f.id = c.certification_id"
                                    + " where c.workspace_id = ? and c.partner_id = ? and f.name = 'Certified expert'")
                            .param(tenant.id().value())
                            .param(learner.id().value())
                            .query(Long.class)
                            .single())
                    .as("round " + round)
                    .isEqualTo(1);
        }
    }

    @Test
    void aSweepThatMissedAWindowSendsTheLatestReminderOnly() {
        f.asPartner(member, () -> learning.markDone(lesson.id()));
        Instant expiry = f.asStaff(tenant, () -> certifications.holders(certification.id()))
                .getFirst()
                .expiresAt();

        clock.setTo(expiry.minus(Duration.ofDays(20)));
        sweep.sweep();
        clock.setTo(expiry.minus(Duration.ofDays(3)));
        sweep.sweep();

        assertThat(reminders()).containsExactly(30, 7);
    }

    @Test
    void staffAwardWithAReasonAndRevokeAndTheVerificationPageShowsOnlyWhatItMay() throws Exception {
        java.util.UUID person = f.asStaff(tenant, () -> certifications.people(member.id()))
                .getFirst()
                .id();
        assertThatThrownBy(() -> f.asStaff(
                        tenant,
                        () -> certifications.award(
                                certification.id(), member.id().value(), person, " ", "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        java.time.LocalDate classroom = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                .minusDays(60);
        CertificateView awarded = f.asStaff(
                tenant,
                () -> certifications.award(
                        certification.id(),
                        member.id().value(),
                        person,
                        "Classroom session in Lyon",
                        classroom.toString()));
        assertThat(awarded.awardReason()).isEqualTo("Classroom session in Lyon");
        assertThat(awarded.earnedAt())
                .isEqualTo(classroom.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(certifiedPeople()).contains(BigDecimal.ONE);
        assertThat(db.sql(
                                "select count(*) from audit_event where workspace_id = ? and action = 'certification.awarded'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String page = mvc.perform(get("/verify/" + awarded.code()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertThat(html.select("[data-testid=holder]").text()).isEqualTo("Partner Person");
        assertThat(html.select("[data-testid=verification]").text())
                .contains("Certified seller")
                .contains(classroom.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)))
                .doesNotContain("Classroom session");
        byte[] pdf = mvc.perform(get("/portal/certifications/" + awarded.id() + "/certificate.pdf")
                        .with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Partner Person")
                    .contains("Certified seller")
                    .contains("/verify/" + awarded.code());
        }
        mvc.perform(get("/portal/certifications/" + awarded.id() + "/certificate.pdf")
                        .with(f.portal(f.member(tenant, f.program(tenant)))))
                .andExpect(status().isNotFound());
        String badge = mvc.perform(get("/verify/" + awarded.code() + "/badge.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(badge)
                .contains("\"type\":\"Assertion\"")
                .contains("\"identity\":\"sha256$")
                .contains("\"issuedOn\":\"" + classroom + "T00:00:00Z\"")
                .doesNotContain(member.email())
                .doesNotContain("revoked");
        mvc.perform(get("/verify/" + "0".repeat(24))).andExpect(status().isNotFound());
        mvc.perform(get("/verify/not-a-code")).andExpect(status().isNotFound());

        CertificateView revoked =
                f.asStaff(tenant, () -> certifications.revoke(awarded.id(), "Left the partner company"));
        assertThat(revoked.state()).isEqualTo(CertificateState.REVOKED);
        assertThat(certifiedPeople()).contains(BigDecimal.ZERO);
        assertThat(events.stream(CertificationRevoked.class)).singleElement();
        assertThatThrownBy(() -> f.asStaff(tenant, () -> certifications.revoke(awarded.id(), "Again")))
                .isInstanceOf(ConflictException.class);
        assertThat(verification.verify(awarded.code()).state()).isEqualTo(CertificateState.REVOKED);
        assertThat(mvc.perform(get("/verify/" + awarded.code() + "/badge.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"revoked\":true");
        assertThatThrownBy(() -> f.asPartner(f.member(tenant, f.program(tenant)), () -> mine.certificate(awarded.id())))
                .isInstanceOf(NotFoundException.class);
    }

    /** What the dashboards count for the member, from every source. */
    private long onDashboards() {
        return dashboards.stream()
                .mapToLong(source -> source.certifiedPeople(tenant.id()).getOrDefault(member.id(), 0L))
                .sum();
    }

    private List<Integer> reminders() {
        return events.stream(CertificationExpiring.class)
                .filter(e -> e.workspace().equals(tenant.id()))
                .map(CertificationExpiring::daysLeft)
                .toList();
    }

    private Optional<BigDecimal> certifiedPeople() {
        return db.sql("select value from programs_partner_metric where workspace_id = ? and partner_id = ?"
                        + " and metric = 'CERTIFIED_PEOPLE'")
                .param(tenant.id().value())
                .param(member.id().value())
                .query(BigDecimal.class)
                .optional()
                .map(BigDecimal::stripTrailingZeros);
    }
}
