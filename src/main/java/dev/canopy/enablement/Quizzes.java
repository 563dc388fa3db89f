package dev.canopy.enablement;

import dev.canopy.enablement.internal.AttemptTable;
import dev.canopy.enablement.internal.Grading;
import dev.canopy.enablement.internal.LearnerProgress;
import dev.canopy.enablement.internal.ProgressTable;
import dev.canopy.enablement.internal.QuizBankTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quizzes as learners take them: an attempt draws its questions at random from the bank and shows them without
 * their answers; the server grades what comes back ({@link Grading}). Attempts are limited, spaced by a cooldown
 * and, with a time limit, closed at their deadline (answers arriving later than a short grace count for nothing).
 */
@Service
public class Quizzes {

    /** Time for a submission sent at the deadline to arrive. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final LearnerProgress learner;
    private final AttemptTable attempts;
    private final QuizBankTable questions;
    private final ProgressTable progress;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Quizzes(
            LearnerProgress learner,
            AttemptTable attempts,
            QuizBankTable questions,
            ProgressTable progress,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.learner = learner;
        this.attempts = attempts;
        this.questions = questions;
        this.progress = progress;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /** The learner's standing in the quiz; an attempt left open past its deadline is closed (failed) first. */
    @Transactional
    public QuizState state(UUID lessonId) {
        LessonView lesson = quiz(lessonId);
        UUID person = learner.person().id();
        Instant now = clock.instant();
        List<AttemptTable.Row> rows = attempts.of(currentWorkspace.id(), lessonId, person);
        for (AttemptTable.Row row : rows) {
            if (row.submittedAt() == null
                    && row.deadline() != null
                    && now.isAfter(row.deadline().plus(GRACE))) {
                grade(lesson, row, Map.of(), now);
            }
        }
        // A renewal starts the course again: attempts from before it no longer count.
        Instant since = progress.restartedAt(currentWorkspace.id(), lesson.courseId(), person)
                .orElse(Instant.MIN);
        rows = attempts.of(currentWorkspace.id(), lessonId, person).stream()
                .filter(r -> !r.startedAt().isBefore(since))
                .toList();
        List<AttemptView> views = rows.stream().map(this::view).toList();
        AttemptView open = views.stream().filter(AttemptView::open).findFirst().orElse(null);
        boolean passed = views.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed()));
        QuizRules rules = lesson.quiz();
        String whyNot = null;
        Instant nextAt = null;
        Instant lastSubmitted = views.stream()
                .map(AttemptView::submittedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        if (passed) {
            whyNot = "You passed this quiz.";
        } else if (open != null) {
            whyNot = "An attempt is under way.";
        } else if (rules.attemptsAllowed() != null && views.size() >= rules.attemptsAllowed()) {
            whyNot = "You have used all " + rules.attemptsAllowed() + " attempts.";
        } else if (lesson.questions() == 0) {
            whyNot = "This quiz has no questions yet.";
        } else if (lastSubmitted != null
                && rules.cooldownMinutes() > 0
                && now.isBefore(lastSubmitted.plus(Duration.ofMinutes(rules.cooldownMinutes())))) {
            nextAt = lastSubmitted.plus(Duration.ofMinutes(rules.cooldownMinutes()));
            whyNot = "The next attempt opens after a pause.";
        }
        return new QuizState(rules, views, open, passed, whyNot == null, whyNot, nextAt);
    }

    /** Starts an attempt, if the rules allow one now: its questions drawn at random from the bank. */
    @Transactional
    public AttemptView start(UUID lessonId) {
        QuizState state = state(lessonId);
        if (!state.canStart()) {
            throw new ConflictException("attempt", state.whyNot());
        }
        LessonView lesson = quiz(lessonId);
        List<QuestionView> bank = new ArrayList<>(questions.of(currentWorkspace.id(), lessonId));
        Collections.shuffle(bank, random);
        List<UUID> drawn = bank.subList(0, Math.min(lesson.quiz().questionCount(), bank.size())).stream()
                .map(QuestionView::id)
                .toList();
        Instant now = clock.instant();
        Integer limit = lesson.quiz().timeLimitMinutes();
        AttemptTable.Row row = new AttemptTable.Row(
                UUID.randomUUID(),
                lessonId,
                learner.person().id(),
                // Numbered after every earlier attempt, also those before a renewal that no longer count.
                attempts.of(currentWorkspace.id(), lessonId, learner.person().id()).stream()
                                .mapToInt(AttemptTable.Row::number)
                                .max()
                                .orElse(0)
                        + 1,
                drawn,
                now,
                limit == null ? null : now.plus(Duration.ofMinutes(limit)),
                null,
                null,
                null,
                null,
                Map.of());
        if (!attempts.insert(currentWorkspace.id(), row, learner.viewer().partner())) {
            throw new ConflictException("attempt", "An attempt is under way.");
        }
        learner.record(lesson, ProgressStatus.STARTED, null, null);
        return view(row);
    }

    /** One of the learner's own attempts. */
    @Transactional(readOnly = true)
    public AttemptView attempt(UUID id) {
        return view(row(id));
    }

    /**
     * Grades the attempt: {@code answers} are the chosen choices' indexes (from 0) per question. After the deadline
     * and its grace the answers count for nothing; a second submission changes nothing.
     */
    @Transactional
    public AttemptView submit(UUID id, Map<UUID, Set<Integer>> answers) {
        AttemptTable.Row row = row(id);
        LessonView lesson = quiz(row.lesson());
        if (row.submittedAt() != null) {
            throw new ConflictException("attempt", "This attempt was already submitted.");
        }
        Map<UUID, QuestionView> drawn = drawn(row);
        for (Map.Entry<UUID, Set<Integer>> answer : answers.entrySet()) {
            QuestionView question = drawn.get(answer.getKey());
            if (question == null) {
                throw new InvalidInputException("answers", "Answer only the questions of this attempt");
            }
            if (answer.getValue().stream()
                    .anyMatch(c -> c < 0 || c >= question.choices().size())) {
                throw new InvalidInputException("answers", "Choose among the question's choices");
            }
            if (!question.multiple() && answer.getValue().size() > 1) {
                throw new InvalidInputException("answers", "Choose one answer for “" + question.text() + "”");
            }
        }
        Instant now = clock.instant();
        boolean late = row.deadline() != null && now.isAfter(row.deadline().plus(GRACE));
        grade(lesson, row, late ? Map.of() : answers, now);
        return view(row(id));
    }

    private void grade(LessonView lesson, AttemptTable.Row row, Map<UUID, Set<Integer>> answers, Instant now) {
        Map<UUID, QuestionView> drawn = drawn(row);
        List<QuestionView> posed = row.questions().stream().map(drawn::get).toList();
        Grading.Result result = Grading.grade(posed, answers, lesson.quiz().passPercent());
        if (!attempts.submit(currentWorkspace.id(), row.id(), answers, result, now)) {
            throw new ConflictException("attempt", "This attempt was already submitted.");
        }
        learner.record(lesson, result.passed() ? ProgressStatus.PASSED : ProgressStatus.FAILED, result.score(), null);
    }

    private AttemptView view(AttemptTable.Row row) {
        Map<UUID, QuestionView> drawn = drawn(row);
        boolean graded = row.submittedAt() != null;
        List<AttemptView.Posed> posed = row.questions().stream()
                .map(drawn::get)
                .map(q -> {
                    Set<Integer> chosen = row.answers().getOrDefault(q.id(), Set.of());
                    return new AttemptView.Posed(
                            q.id(),
                            q.text(),
                            q.choices(),
                            q.multiple(),
                            chosen,
                            graded ? chosen.equals(Set.copyOf(q.correct())) : null);
                })
                .toList();
        return new AttemptView(
                row.id(),
                row.lesson(),
                row.number(),
                posed,
                row.startedAt(),
                row.deadline(),
                row.submittedAt(),
                row.correct(),
                row.score(),
                row.passed());
    }

    private Map<UUID, QuestionView> drawn(AttemptTable.Row row) {
        WorkspaceId workspace = currentWorkspace.id();
        return questions.byIds(workspace, row.questions()).stream()
                .collect(Collectors.toMap(QuestionView::id, Function.identity()));
    }

    private AttemptTable.Row row(UUID id) {
        AttemptTable.Row row = attempts.find(
                        currentWorkspace.id(), id, learner.person().id())
                .orElseThrow(() -> new NotFoundException("Attempt"));
        learner.lesson(row.lesson());
        return row;
    }

    private LessonView quiz(UUID lessonId) {
        LessonView lesson = learner.lesson(lessonId).lesson();
        if (lesson.kind() != LessonKind.QUIZ) {
            throw new NotFoundException("Quiz");
        }
        return lesson;
    }
}
