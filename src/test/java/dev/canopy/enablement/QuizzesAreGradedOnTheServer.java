package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A quiz as its learners take it: questions drawn from the bank without their answers, graded on the server, a
 * limited number of attempts spaced by a cooldown, a time limit after which answers count for nothing, and one
 * grade per attempt however often it is sent.
 */
@CanopyTest
class QuizzesAreGradedOnTheServer {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Courses courses;

    @Autowired
    Quizzes quizzes;

    @Autowired
    Learning learning;

    @Autowired
    MutableClock clock;

    DealFixtures f;
    Fixtures.Tenant tenant;
    DealFixtures.Member member;
    Map<String, QuestionView> bank = new HashMap<>();

    @BeforeEach
    void aPublishedCourseWithAQuizOfThreeQuestions() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        member = f.member(tenant, program);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAttemptShowsNoAnswersAndIsGradedOnTheServer() {
        LessonView quiz = quiz(2, 100, null, 0, null);

        AttemptView attempt = f.asPartner(member, () -> quizzes.start(quiz.id()));

        assertThat(attempt.questions()).hasSize(2).allSatisfy(q -> {
            assertThat(q.right()).isNull();
            assertThat(q.chosen()).isEmpty();
        });
        AttemptView graded = f.asPartner(member, () -> quizzes.submit(attempt.id(), rightAnswers(attempt)));
        assertThat(graded.passed()).isTrue();
        assertThat(graded.score()).isEqualByComparingTo("100");
        assertThat(graded.questions()).allSatisfy(q -> assertThat(q.right()).isTrue());
        assertThat(f.asPartner(member, () -> learning.course(quiz.courseId())).completedAt())
                .isNotNull();
    }

    @Test
    void aWrongAnswerFailsAndTheNextAttemptWaitsForTheCooldownWithinTheLimit() {
        LessonView quiz = quiz(3, 67, 2, 60, null);

        AttemptView first = f.asPartner(member, () -> quizzes.start(quiz.id()));
        Map<UUID, Set<Integer>> answers = rightAnswers(first);
        UUID spoiled = first.questions().getFirst().id();
        answers.put(spoiled, wrong(spoiled));
        AttemptView failed = f.asPartner(member, () -> quizzes.submit(first.id(), answers));

        // Two of three is 66.67 %: below a pass mark of 67, by the exact share.
        assertThat(failed.correct()).isEqualTo(2);
        assertThat(failed.score()).isEqualByComparingTo(new BigDecimal("66.67"));
        assertThat(failed.passed()).isFalse();
        QuizState waiting = f.asPartner(member, () -> quizzes.state(quiz.id()));
        assertThat(waiting.canStart()).isFalse();
        assertThat(waiting.nextAt()).isEqualTo(failed.submittedAt().plus(Duration.ofMinutes(60)));
        assertThat(waiting.attemptsLeft()).isEqualTo(1);
        assertThatThrownBy(() -> f.asPartner(member, () -> quizzes.start(quiz.id())))
                .isInstanceOf(ConflictException.class);

        clock.advance(Duration.ofMinutes(61));
        AttemptView second = f.asPartner(member, () -> quizzes.start(quiz.id()));
        f.asPartner(member, () -> quizzes.submit(second.id(), Map.of()));

        clock.advance(Duration.ofHours(2));
        QuizState spent = f.asPartner(member, () -> quizzes.state(quiz.id()));
        assertThat(spent.canStart()).isFalse();
        assertThat(spent.whyNot()).contains("all 2 attempts");
        assertThat(spent.attempts()).extracting(AttemptView::number).containsExactly(2, 1);
    }

    @Test
    void answersAfterTheTimeLimitCountForNothing() {
        LessonView quiz = quiz(2, 50, null, 0, 10);

        AttemptView attempt = f.asPartner(member, () -> quizzes.start(quiz.id()));
        assertThat(attempt.deadline()).isEqualTo(attempt.startedAt().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10).plusSeconds(31));
        AttemptView late = f.asPartner(member, () -> quizzes.submit(attempt.id(), rightAnswers(attempt)));

        assertThat(late.passed()).isFalse();
        assertThat(late.correct()).isZero();
    }

    @Test
    void anAttemptLeftOpenPastItsDeadlineIsClosedAsFailed() {
        LessonView quiz = quiz(2, 50, null, 0, 5);
        AttemptView attempt = f.asPartner(member, () -> quizzes.start(quiz.id()));

        clock.advance(Duration.ofMinutes(6));
        QuizState state = f.asPartner(member, () -> quizzes.state(quiz.id()));

        assertThat(state.open()).isNull();
        assertThat(state.attempts().getFirst().id()).isEqualTo(attempt.id());
        assertThat(state.attempts().getFirst().passed()).isFalse();
        assertThat(state.whyNot()).isNull();
        assertThat(state.canStart()).isTrue();
    }

    @Test
    void anAttemptIsGradedOnceAndTakesOnlyItsOwnQuestionsAndChoices() {
        LessonView quiz = quiz(2, 50, null, 0, null);
        AttemptView attempt = f.asPartner(member, () -> quizzes.start(quiz.id()));
        UUID drawn = attempt.questions().getFirst().id();

        assertThatThrownBy(() ->
                        f.asPartner(member, () -> quizzes.submit(attempt.id(), Map.of(UUID.randomUUID(), Set.of(0)))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> f.asPartner(member, () -> quizzes.submit(attempt.id(), Map.of(drawn, Set.of(7)))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> f.asPartner(member, () -> quizzes.submit(attempt.id(), Map.of(drawn, Set.of(0, 1)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one answer");

        f.asPartner(member, () -> quizzes.submit(attempt.id(), rightAnswers(attempt)));
        assertThatThrownBy(() -> f.asPartner(member, () -> quizzes.submit(attempt.id(), Map.of())))
                .isInstanceOf(ConflictException.class);
        assertThat(f.asPartner(member, () -> quizzes.attempt(attempt.id())).passed())
                .isTrue();

        DealFixtures.Member other = f.member(tenant, f.program(tenant));
        assertThatThrownBy(() -> f.asPartner(other, () -> quizzes.attempt(attempt.id())))
                .isInstanceOf(dev.canopy.shared.NotFoundException.class);
    }

    /** A published course whose one lesson is a quiz over a bank of three single-choice questions. */
    private LessonView quiz(int count, int pass, Integer attempts, int cooldown, Integer limit) {
        return f.asStaff(tenant, () -> {
            CourseView course = courses.create(CourseFixtures.everyone("Certified seller"));
            LessonView lesson = courses.addLesson(
                    course.id(), CourseFixtures.quiz("Check", count, pass, attempts, cooldown, limit), null);
            for (int i = 1; i <= 3; i++) {
                QuestionView q = courses.addQuestion(
                        lesson.id(),
                        CourseFixtures.question("Question " + i, List.of("A", "B", "C"), String.valueOf(i)));
                bank.put(q.id().toString(), q);
            }
            courses.publish(course.id());
            return courses.lesson(lesson.id());
        });
    }

    private Map<UUID, Set<Integer>> rightAnswers(AttemptView attempt) {
        Map<UUID, Set<Integer>> answers = new HashMap<>();
        for (AttemptView.Posed q : attempt.questions()) {
            answers.put(q.id(), Set.copyOf(bank.get(q.id().toString()).correct()));
        }
        return answers;
    }

    private Set<Integer> wrong(UUID question) {
        int right = bank.get(question.toString()).correct().getFirst();
        return Set.of((right + 1) % 3);
    }
}
