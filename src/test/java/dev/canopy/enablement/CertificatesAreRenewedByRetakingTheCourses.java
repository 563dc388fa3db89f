package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.internal.CertificationSweep;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A certificate is renewed by taking its courses again, from 60 days before it expires: the courses start over
 * (earlier quiz attempts no longer count against the limit), and completing them earns a new certificate that runs
 * on from the old expiry; the old one reads "renewed" and gets no more reminders. After the expiry, the renewal
 * runs from the day it is earned.
 */
@CanopyTest
class CertificatesAreRenewedByRetakingTheCourses {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Courses courses;

    @Autowired
    Learning learning;

    @Autowired
    Quizzes quizzes;

    @Autowired
    Certifications certifications;

    @Autowired
    MyCertifications mine;

    @Autowired
    CertificationSweep sweep;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    MockMvc mvc;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    LessonView reading;
    LessonView quiz;
    CertificationView certification;

    @BeforeEach
    void aCertificationOfAReadingAndAQuizOfOneAttempt() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        f.asStaff(tenant, () -> {
            CourseView course = courses.create(CourseFixtures.everyone("Seller basics"));
            reading = courses.addLesson(course.id(), CourseFixtures.text("Read"), null);
            quiz = courses.addLesson(course.id(), CourseFixtures.quiz("Check", 1, 100, 1, 0, null), null);
            courses.addQuestion(quiz.id(), CourseFixtures.question("Ready?", List.of("Yes", "No"), "1"));
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
    void renewingWhileExpiringRunsOnFromTheOldExpiry() {
        DealFixtures.Member member = f.member(tenant, program);
        complete(member);
        CertificateView first = only(member);
        assertThatThrownBy(() -> f.asPartner(member, () -> mine.renew(certification.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("60 days before it expires");

        clock.setTo(first.expiresAt().minus(Duration.ofDays(40)));
        sweep.sweep();
        assertThat(reminders(first)).containsExactly(60);
        MyCertifications.Standing renewing = f.asPartner(member, () -> mine.renew(certification.id()));
        assertThat(renewing.renewing()).isTrue();
        assertThat(renewing.coursesDone()).isZero();
        assertThat(f.asPartner(member, () -> quizzes.state(quiz.id())).canStart())
                .as("the attempt before the renewal no longer counts against the one allowed")
                .isTrue();
        assertThatThrownBy(() -> f.asPartner(member, () -> mine.renew(certification.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("under way");
        // Still certified while renewing.
        assertThat(f.asPartner(member, mine::mine).getFirst().certificate().state())
                .isEqualTo(CertificateState.EXPIRING);

        complete(member);
        List<CertificateView> both = f.asStaff(tenant, () -> certifications.holders(certification.id()));
        assertThat(both).hasSize(2);
        CertificateView renewed =
                both.stream().filter(c -> c.id().equals(first.id())).findFirst().orElseThrow();
        CertificateView second = both.stream()
                .filter(c -> !c.id().equals(first.id()))
                .findFirst()
                .orElseThrow();
        assertThat(renewed.state()).isEqualTo(CertificateState.RENEWED);
        assertThat(second.state()).isEqualTo(CertificateState.ACTIVE);
        assertThat(second.expiresAt())
                .isEqualTo(
                        first.expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant());

        // The replaced certificate is reminded and told of nothing more.
        clock.setTo(first.expiresAt().minus(Duration.ofDays(5)));
        sweep.sweep();
        clock.setTo(first.expiresAt().plusSeconds(60));
        sweep.sweep();
        assertThat(reminders(first)).containsExactly(60);
        assertThat(db.sql("select expiry_told from enablement_certificate where id = ?")
                        .param(first.id())
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(f.asPartner(member, mine::mine).getFirst().certificate().id())
                .isEqualTo(second.id());
    }

    @Test
    void renewingAfterTheExpiryRunsFromTheDayItIsEarned() throws Exception {
        DealFixtures.Member member = f.member(tenant, program);
        complete(member);
        CertificateView first = only(member);

        clock.setTo(first.expiresAt().plus(Duration.ofDays(10)));
        assertThat(f.asPartner(member, mine::mine).getFirst().renewable()).isTrue();
        // In the portal: the card offers the renewal, which starts the courses over.
        assertThat(page(member)).contains("data-testid=\"renew\"").doesNotContain("data-testid=\"renewing\"");
        mvc.perform(post("/portal/certifications/" + certification.id() + "/renewal")
                        .with(f.portal(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("start over")));
        assertThat(page(member)).contains("data-testid=\"renewing\"").doesNotContain("data-testid=\"renew\"");
        complete(member);

        CertificateView second = f.asPartner(member, mine::mine).getFirst().certificate();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.state()).isEqualTo(CertificateState.ACTIVE);
        assertThat(second.expiresAt())
                .isEqualTo(
                        second.earnedAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
        assertThat(second.earnedAt()).isAfter(first.expiresAt());
    }

    private void complete(DealFixtures.Member member) {
        f.asPartner(member, () -> learning.markDone(reading.id()));
        AttemptView attempt = f.asPartner(member, () -> quizzes.start(quiz.id()));
        Map<java.util.UUID, Set<Integer>> right =
                attempt.questions().stream().collect(Collectors.toMap(AttemptView.Posed::id, q -> Set.of(0)));
        assertThat(f.asPartner(member, () -> quizzes.submit(attempt.id(), right))
                        .passed())
                .isTrue();
    }

    private String page(DealFixtures.Member member) throws Exception {
        return mvc.perform(get("/portal/certifications").with(f.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private CertificateView only(DealFixtures.Member member) {
        return f.asStaff(tenant, () -> certifications.holders(certification.id())).stream()
                .filter(c -> c.partner().equals(member.id()))
                .findFirst()
                .orElseThrow();
    }

    private List<Integer> reminders(CertificateView certificate) {
        return List.of((Integer[]) db.sql("select reminders_sent from enablement_certificate where id = ?")
                .param(certificate.id())
                .query((rs, n) -> rs.getArray(1).getArray())
                .single());
    }
}
