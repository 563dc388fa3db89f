package dev.canopy.enablement.web;

import dev.canopy.enablement.AudienceBody;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseReports;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.Learner;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.QuestionInput;
import dev.canopy.enablement.QuestionView;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Courses through the API: build them (lessons of text, video, a library file or a quiz with its question bank;
 * SCORM packages are uploaded in the console), publish them, and read who learned them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Courses", description = "Courses partners take in the portal, and their learners")
class CourseApi {

    record CourseRequest(
            String title,
            @Nullable String description,
            @Nullable AudienceBody audience) {

        CourseInput input() {
            AudienceBody a = audience == null ? AudienceBody.NONE : audience;
            return new CourseInput(
                    title,
                    description,
                    a.match(),
                    a.programIds(),
                    a.tierIds(),
                    a.partnerTypes(),
                    a.regions(),
                    a.partnerIds());
        }
    }

    record QuizBody(
            @Schema(description = "Questions drawn at random per attempt; default 5") @Nullable
            Integer questionCount,

            @Schema(description = "Pass mark in percent; default 80") @Nullable
            Integer passPercent,

            @Schema(description = "Attempts allowed; none or 0: no limit") @Nullable
            Integer attemptsAllowed,

            @Schema(description = "Minutes between two attempts; default 0") @Nullable
            Integer cooldownMinutes,

            @Schema(description = "Minutes to answer, from the start; none: no limit") @Nullable
            Integer timeLimitMinutes) {}

    record LessonRequest(
            @Schema(allowableValues = {"TEXT", "VIDEO", "FILE", "QUIZ"})
            String kind,

            String title,

            @Schema(description = "Markdown: the lesson for TEXT, an introduction otherwise") @Nullable
            String body,

            @Schema(description = "VIDEO: a YouTube, Vimeo or Loom link (https)") @Nullable
            String videoUrl,

            @Schema(description = "FILE, or VIDEO without a link: a file asset of the library") @Nullable
            String assetId,

            @Nullable QuizBody quiz) {

        LessonInput input() {
            QuizBody q = quiz == null ? new QuizBody(null, null, null, null, null) : quiz;
            return new LessonInput(
                    kind,
                    title,
                    body,
                    videoUrl,
                    assetId,
                    text(q.questionCount()),
                    text(q.passPercent()),
                    text(q.attemptsAllowed()),
                    text(q.cooldownMinutes()),
                    text(q.timeLimitMinutes()));
        }

        private static @Nullable String text(@Nullable Integer value) {
            return value == null ? null : value.toString();
        }
    }

    record QuestionRequest(
            String text,

            @Schema(description = "Two to eight choices") @Nullable
            List<String> choices,

            @Schema(description = "The right choices' numbers, from 1; several make a multiple-choice question")
            @Nullable
            List<Integer> correct) {

        QuestionInput input() {
            return new QuestionInput(
                    text,
                    choices,
                    correct == null
                            ? null
                            : correct.stream().map(String::valueOf).toList());
        }
    }

    record LessonResponse(
            String id,
            int position,

            @Schema(allowableValues = {"TEXT", "VIDEO", "FILE", "SCORM", "QUIZ"})
            String kind,

            String title,
            String body,

            @Schema(description = "The embeddable player's address") @Nullable
            String videoUrl,

            @Nullable String assetId,

            @Schema(allowableValues = {"SCORM_12", "SCORM_2004"}) @Nullable
            String scormVersion,

            @Nullable QuizBody quiz,

            @Schema(description = "The size of a quiz's question bank")
            int questions) {

        static LessonResponse of(LessonView l) {
            return new LessonResponse(
                    l.id().toString(),
                    l.position(),
                    l.kind().name(),
                    l.title(),
                    l.body(),
                    l.videoUrl(),
                    l.assetId() == null ? null : l.assetId().toString(),
                    l.scorm() == null ? null : l.scorm().version(),
                    l.quiz() == null
                            ? null
                            : new QuizBody(
                                    l.quiz().questionCount(),
                                    l.quiz().passPercent(),
                                    l.quiz().attemptsAllowed(),
                                    l.quiz().cooldownMinutes(),
                                    l.quiz().timeLimitMinutes()),
                    l.questions());
        }
    }

    record CourseResponse(
            String id,
            String title,
            String description,
            AudienceBody audience,

            @Schema(allowableValues = {"DRAFT", "PUBLISHED", "ARCHIVED"})
            String state,

            List<LessonResponse> lessons,
            Instant createdAt,
            Instant updatedAt) {

        static CourseResponse of(CourseView c) {
            return new CourseResponse(
                    c.id().toString(),
                    c.title(),
                    c.description(),
                    AudienceBody.of(c.audience()),
                    c.state().name(),
                    c.lessons().stream().map(LessonResponse::of).toList(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    record CourseList(List<CourseResponse> data, @Nullable String nextCursor) {}

    record QuestionResponse(String id, String text, List<String> choices, List<Integer> correct) {

        static QuestionResponse of(QuestionView q) {
            return new QuestionResponse(
                    q.id().toString(),
                    q.text(),
                    q.choices(),
                    q.correct().stream().map(i -> i + 1).toList());
        }
    }

    record QuestionList(
            List<QuestionResponse> data, @Nullable String nextCursor) {}

    record LearnerResponse(
            String personId,
            String person,
            String partnerId,
            String partnerName,
            int lessonsDone,
            Instant startedAt,
            @Nullable Instant completedAt) {

        static LearnerResponse of(Learner l) {
            return new LearnerResponse(
                    l.personId().toString(),
                    l.person(),
                    l.partner().value().toString(),
                    l.partnerName(),
                    l.lessonsDone(),
                    l.startedAt(),
                    l.completedAt());
        }
    }

    record LearnerList(List<LearnerResponse> data, @Nullable String nextCursor) {}

    private final Courses courses;
    private final CourseReports reports;

    CourseApi(Courses courses, CourseReports reports) {
        this.courses = courses;
        this.reports = reports;
    }

    @GetMapping("/courses")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "List courses, with their lessons")
    CourseList listCourses(
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<CourseResponse> page = Pages.of(
                courses.list(archived).stream()
                        .map(l -> CourseResponse.of(l.course()))
                        .toList(),
                CourseResponse::id,
                cursor,
                limit);
        return new CourseList(page.items(), page.nextCursor());
    }

    @PostMapping("/courses")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a course (a draft) and say who it is assigned to")
    ResponseEntity<CourseResponse> createCourse(@RequestBody CourseRequest request) {
        CourseView course = courses.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/courses/" + course.id()))
                .body(CourseResponse.of(course));
    }

    @GetMapping("/courses/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Get a course with its lessons")
    CourseResponse getCourse(@PathVariable UUID id) {
        return CourseResponse.of(courses.get(id));
    }

    @PutMapping("/courses/{id}")
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(summary = "Change a course's title, description and who it is assigned to")
    CourseResponse updateCourse(@PathVariable UUID id, @RequestBody CourseRequest request) {
        return CourseResponse.of(courses.update(id, request.input()));
    }

    @PostMapping("/courses/{id}/publish")
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(
            summary = "Publish a draft course",
            description = "It needs a lesson, and every quiz a bank at least as large as what an attempt draws.")
    CourseResponse publishCourse(@PathVariable UUID id) {
        return CourseResponse.of(courses.publish(id));
    }

    @PostMapping("/courses/{id}/lessons")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a lesson at the end of a course (SCORM packages are uploaded in the console)")
    ResponseEntity<LessonResponse> addLesson(@PathVariable UUID id, @RequestBody LessonRequest request) {
        LessonView lesson = courses.addLesson(id, request.input(), null);
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id()))
                .body(LessonResponse.of(lesson));
    }

    @GetMapping("/lessons/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Get a lesson")
    LessonResponse getLesson(@PathVariable UUID id) {
        return LessonResponse.of(courses.lesson(id));
    }

    @GetMapping("/lessons/{id}/questions")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "A quiz's question bank, right answers included")
    QuestionList listQuestions(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<QuestionResponse> page = Pages.of(
                courses.questions(id).stream().map(QuestionResponse::of).toList(), QuestionResponse::id, cursor, limit);
        return new QuestionList(page.items(), page.nextCursor());
    }

    @PostMapping("/lessons/{id}/questions")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a question to a quiz's bank")
    ResponseEntity<QuestionResponse> addQuestion(@PathVariable UUID id, @RequestBody QuestionRequest request) {
        QuestionView question = courses.addQuestion(id, request.input());
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + id + "/questions"))
                .body(QuestionResponse.of(question));
    }

    @GetMapping("/courses/{id}/learners")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Who started a course, how far they got and when they completed it")
    LearnerList listCourseLearners(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<LearnerResponse> page = Pages.of(
                reports.learners(id).stream().map(LearnerResponse::of).toList(),
                LearnerResponse::personId,
                cursor,
                limit);
        return new LearnerList(page.items(), page.nextCursor());
    }
}
