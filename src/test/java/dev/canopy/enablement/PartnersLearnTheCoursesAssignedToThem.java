package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.MetricReading;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Courses reach the partners their audience admits, while published: a course for Gold reaches a member the day it
 * moves up to Gold, and not before; a draft or an archived course reaches no one. Finishing every lesson completes
 * the course once, told by one {@link CourseCompleted}; staff read who learned what.
 */
@CanopyTest
@RecordApplicationEvents
class PartnersLearnTheCoursesAssignedToThem {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Courses courses;

    @Autowired
    CourseReports reports;

    @Autowired
    Learning learning;

    @Autowired
    ContentLibrary library;

    @Autowired
    Tiers tiers;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;

    @BeforeEach
    void aProgramme() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
    }

    @Test
    void aCourseForGoldReachesAMemberWhenItMovesUpToGoldAndNotBefore() {
        TierView gold = f.asStaff(tenant, () -> {
            tiers.addTier(program.id(), new TierDraft("Silver", "", Map.of()));
            return tiers.addTier(program.id(), new TierDraft("Gold", "", Map.of(TierMetric.DEALS_WON, "3")));
        });
        DealFixtures.Member member = f.member(tenant, program);
        CourseView course =
                published(CourseFixtures.forTiers("Gold selling", gold.id().toString()));
        UUID lesson = course.lessons().getFirst().id();

        assertThat(f.asPartner(member, learning::courses)).isEmpty();
        assertThatThrownBy(() -> f.asPartner(member, () -> learning.course(course.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.asPartner(member, () -> learning.lesson(lesson)))
                .isInstanceOf(NotFoundException.class);

        tiers.recordMetric(
                tenant.id(),
                new MetricReading(member.id(), TierMetric.DEALS_WON, BigDecimal.valueOf(3), null, clock.instant()));
        f.asStaff(tenant, () -> tiers.evaluate(program.id()));

        assertThat(f.asPartner(member, learning::courses))
                .extracting(m -> m.course().title())
                .containsExactly("Gold selling");
        assertThat(f.asPartner(member, () -> learning.lesson(lesson)).lesson().title())
                .isEqualTo("Why it sells");
    }

    @Test
    void aDraftOrAnArchivedCourseReachesNoOne() {
        DealFixtures.Member member = f.member(tenant, program);
        CourseView draft = f.asStaff(tenant, () -> courses.create(CourseFixtures.everyone("Draft")));
        f.asStaff(tenant, () -> courses.addLesson(draft.id(), CourseFixtures.text("Why it sells"), null));
        CourseView archived = published(CourseFixtures.everyone("Old"));
        f.asStaff(tenant, () -> courses.archive(archived.id()));

        assertThat(f.asPartner(member, learning::courses)).isEmpty();
        assertThatThrownBy(() -> f.asPartner(member, () -> learning.course(draft.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.asPartner(member, () -> learning.course(archived.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCourseIsPublishedWithLessonsAndQuizBanksLargeEnough() {
        CourseView empty = f.asStaff(tenant, () -> courses.create(CourseFixtures.everyone("Empty")));
        assertThatThrownBy(() -> f.asStaff(tenant, () -> courses.publish(empty.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Add a lesson");

        LessonView quiz = f.asStaff(
                tenant, () -> courses.addLesson(empty.id(), CourseFixtures.quiz("Check", 2, 80, null, 0, null), null));
        f.asStaff(
                tenant,
                () -> courses.addQuestion(quiz.id(), CourseFixtures.question("One?", List.of("Yes", "No"), "1")));
        assertThatThrownBy(() -> f.asStaff(tenant, () -> courses.publish(empty.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("draws 2 questions but its bank holds 1");

        f.asStaff(
                tenant,
                () -> courses.addQuestion(quiz.id(), CourseFixtures.question("Two?", List.of("Yes", "No"), "2")));
        assertThat(f.asStaff(tenant, () -> courses.publish(empty.id())).state()).isEqualTo(CourseState.PUBLISHED);
    }

    @Test
    void finishingEveryLessonCompletesTheCourseOnceAndStaffSeeIt() {
        DealFixtures.Member member = f.member(tenant, program);
        AssetView deck = f.asStaff(
                tenant,
                () -> library.create(
                        new AssetInput(
                                "FILE",
                                "Pitch deck",
                                "",
                                "",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "ALL",
                                null,
                                null,
                                null,
                                null,
                                // The file's own audience admits no one: the course still hands it to its learners.
                                List.of(f.member(tenant, program).id().value().toString()),
                                null,
                                null),
                        Upload.of("deck.pdf", SampleFiles.pdf("Our pitch"))));
        CourseView course = f.asStaff(tenant, () -> courses.create(CourseFixtures.everyone("Onboarding")));
        LessonView read = f.asStaff(tenant, () -> courses.addLesson(course.id(), CourseFixtures.text("Read"), null));
        LessonView file = f.asStaff(
                tenant,
                () -> courses.addLesson(
                        course.id(), CourseFixtures.file("The deck", deck.id().toString()), null));
        f.asStaff(tenant, () -> courses.publish(course.id()));

        Learning.MyLesson opened = f.asPartner(member, () -> learning.lesson(read.id()));
        assertThat(opened.next().id()).isEqualTo(file.id());
        assertThat(opened.progress().status()).isEqualTo(ProgressStatus.STARTED);
        assertThat(f.asPartner(member, () -> learning.file(file.id())).fileName())
                .isEqualTo("deck.pdf");

        f.asPartner(member, () -> learning.markDone(read.id()));
        assertThat(events.stream(CourseCompleted.class)).isEmpty();
        Learning.MyCourse done = f.asPartner(member, () -> learning.markDone(file.id()));
        f.asPartner(member, () -> learning.markDone(file.id()));

        assertThat(done.completedAt()).isNotNull();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(events.stream(CourseCompleted.class)).singleElement().satisfies(e -> {
            assertThat(e.courseId()).isEqualTo(course.id());
            assertThat(e.partner()).isEqualTo(member.id());
            assertThat(e.person()).contains(member.email());
        });
        assertThat(f.asStaff(tenant, () -> reports.learners(course.id())))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.lessonsDone()).isEqualTo(2);
                    assertThat(l.completedAt()).isNotNull();
                    assertThat(l.partner()).isEqualTo(member.id());
                });
    }

    @Test
    void aPackageOrQuizIsNotDoneBecauseTheLearnerSaysSo() {
        DealFixtures.Member member = f.member(tenant, program);
        CourseView course = f.asStaff(tenant, () -> courses.create(CourseFixtures.everyone("Checked")));
        LessonView quiz = f.asStaff(
                tenant, () -> courses.addLesson(course.id(), CourseFixtures.quiz("Check", 1, 80, null, 0, null), null));
        f.asStaff(
                tenant,
                () -> courses.addQuestion(quiz.id(), CourseFixtures.question("One?", List.of("Yes", "No"), "1")));
        f.asStaff(tenant, () -> courses.publish(course.id()));

        assertThatThrownBy(() -> f.asPartner(member, () -> learning.markDone(quiz.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("passed");
    }

    private CourseView published(CourseInput input) {
        return f.asStaff(tenant, () -> {
            CourseView course = courses.create(input);
            courses.addLesson(course.id(), CourseFixtures.text("Why it sells"), null);
            return courses.publish(course.id());
        });
    }
}
