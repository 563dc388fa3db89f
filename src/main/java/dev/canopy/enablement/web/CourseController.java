package dev.canopy.enablement.web;

import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.CourseReports;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonKind;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.Upload;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enablement → Courses: the list, a new course, a course's page (its lessons in order, who it is assigned to, who
 * learned it), a lesson's page (edit it; a quiz's question bank) and publishing.
 */
@Controller
@RequestMapping("/app/courses")
class CourseController {

    private final Courses courses;
    private final CourseReports reports;
    private final ContentLibrary library;

    CourseController(Courses courses, CourseReports reports, ContentLibrary library) {
        this.courses = courses;
        this.reports = reports;
        this.library = library;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('content:read')")
    String list(@RequestParam(defaultValue = "false") boolean archived, Model model) {
        model.addAttribute("courses", courses.list(archived));
        model.addAttribute("archived", archived);
        return "enablement/courses";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('content:write')")
    String form(Model model) {
        model.addAttribute("form", CourseForm.blank());
        return newForm(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('content:write')")
    String create(
            @ModelAttribute("form") CourseForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    CourseView course = courses.create(form.input());
                    redirect.addFlashAttribute("flash", "“" + course.title() + "” is a draft: add its lessons.");
                    return "redirect:/app/courses/" + course.id();
                },
                () -> newForm(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    String page(@PathVariable UUID id, @RequestParam(defaultValue = "TEXT") String kind, Model model) {
        CourseView course = courses.get(id);
        model.addAttribute("course", course);
        model.addAttribute("learners", reports.learners(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CourseForm.of(course));
        }
        if (!model.containsAttribute("lessonForm")) {
            model.addAttribute("lessonForm", LessonForm.blank(kind(kind)));
        }
        return withChoices(model, "enablement/course");
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('content:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") CourseForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    courses.update(id, form.input());
                    redirect.addFlashAttribute("flash", "Saved.");
                    return "redirect:/app/courses/" + id;
                },
                () -> page(id, "TEXT", model));
    }

    @PostMapping("/{id}/lessons")
    @PreAuthorize("hasAuthority('content:write')")
    String addLesson(
            @PathVariable UUID id,
            @ModelAttribute("lessonForm") LessonForm lessonForm,
            BindingResult result,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    LessonView lesson = courses.addLesson(id, lessonForm.input(), upload(file));
                    redirect.addFlashAttribute("flash", "“" + lesson.title() + "” added.");
                    return lesson.kind() == LessonKind.QUIZ
                            ? "redirect:/app/courses/lessons/" + lesson.id()
                            : "redirect:/app/courses/" + id + "#lessons";
                },
                () -> page(id, lessonForm.kind(), model));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('content:write')")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/courses/" + id, () -> {
            courses.publish(id);
            return "Published: the partners it is assigned to find it under Learning.";
        });
    }

    @PostMapping("/{id}/unpublish")
    @PreAuthorize("hasAuthority('content:write')")
    String unpublish(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/courses/" + id, () -> {
            courses.unpublish(id);
            return "Back to draft: partners no longer see it; their progress stays.";
        });
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('content:write')")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/courses/" + id, () -> {
            courses.archive(id);
            return "Archived: partners no longer see it.";
        });
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAuthority('content:write')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/courses/" + id, () -> {
            courses.restore(id);
            return "Restored.";
        });
    }

    @GetMapping("/lessons/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    String lesson(@PathVariable UUID id, Model model) {
        LessonView lesson = courses.lesson(id);
        model.addAttribute("lesson", lesson);
        model.addAttribute("html", courses.html(lesson));
        model.addAttribute(
                "launch",
                lesson.scorm() == null ? "" : Packages.launch(lesson.scorm().launch()));
        model.addAttribute("course", courses.get(lesson.courseId()));
        if (!model.containsAttribute("lessonForm")) {
            model.addAttribute("lessonForm", LessonForm.of(lesson));
        }
        if (lesson.kind() == LessonKind.QUIZ) {
            model.addAttribute("questions", courses.questions(id));
            if (!model.containsAttribute("questionForm")) {
                model.addAttribute("questionForm", QuestionForm.blank());
            }
        }
        return withChoices(model, "enablement/lesson");
    }

    @PostMapping("/lessons/{id}")
    @PreAuthorize("hasAuthority('content:write')")
    String updateLesson(
            @PathVariable UUID id,
            @ModelAttribute("lessonForm") LessonForm lessonForm,
            BindingResult result,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    courses.updateLesson(id, lessonForm.input(), upload(file));
                    redirect.addFlashAttribute("flash", "Saved.");
                    return "redirect:/app/courses/lessons/" + id;
                },
                () -> lesson(id, model));
    }

    @PostMapping("/lessons/{id}/remove")
    @PreAuthorize("hasAuthority('content:write')")
    String removeLesson(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID course = courses.lesson(id).courseId();
        return Flash.after(redirect, "/app/courses/" + course + "#lessons", () -> {
            courses.removeLesson(id);
            return "Lesson removed; what learners did in it stays on record.";
        });
    }

    @PostMapping("/lessons/{id}/move")
    @PreAuthorize("hasAuthority('content:write')")
    String moveLesson(@PathVariable UUID id, @RequestParam int direction) {
        UUID course = courses.lesson(id).courseId();
        courses.moveLesson(id, direction);
        return "redirect:/app/courses/" + course + "#lessons";
    }

    @PostMapping("/lessons/{id}/questions")
    @PreAuthorize("hasAuthority('content:write')")
    String addQuestion(
            @PathVariable UUID id,
            @ModelAttribute("questionForm") QuestionForm questionForm,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    courses.addQuestion(id, questionForm.input());
                    redirect.addFlashAttribute("flash", "Question added to the bank.");
                    return "redirect:/app/courses/lessons/" + id + "#questions";
                },
                () -> lesson(id, model));
    }

    @PostMapping("/questions/{id}/remove")
    @PreAuthorize("hasAuthority('content:write')")
    String removeQuestion(@PathVariable UUID id, @RequestParam UUID lesson, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/courses/lessons/" + lesson + "#questions", () -> {
            courses.removeQuestion(id);
            return "Question removed from the bank.";
        });
    }

    private String newForm(Model model) {
        model.addAttribute("choices", library.audienceChoices());
        return "enablement/course-new";
    }

    private String withChoices(Model model, String view) {
        model.addAttribute("choices", library.audienceChoices());
        List<AssetView> files = library.find(null, null, false).assets().stream()
                .map(ContentLibrary.Listed::asset)
                .filter(a -> a.kind() == AssetKind.FILE)
                .toList();
        model.addAttribute("files", files);
        model.addAttribute("kinds", LessonKind.values());
        return view;
    }

    private static String kind(String raw) {
        String kind = raw.toUpperCase(Locale.ROOT);
        for (LessonKind k : LessonKind.values()) {
            if (k.name().equals(kind)) {
                return kind;
            }
        }
        return LessonKind.TEXT.name();
    }

    private static @Nullable Upload upload(@Nullable MultipartFile file) {
        return file == null || file.isEmpty() ? null : ContentController.upload(file);
    }
}
