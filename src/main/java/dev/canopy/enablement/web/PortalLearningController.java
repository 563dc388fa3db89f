package dev.canopy.enablement.web;

import dev.canopy.enablement.AttemptView;
import dev.canopy.enablement.Learning;
import dev.canopy.enablement.LessonKind;
import dev.canopy.enablement.Quizzes;
import dev.canopy.enablement.ScormPlayer;
import dev.canopy.platform.Flash;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's Learning: the courses assigned to the partner's company with the user's progress, a course's
 * lessons, a lesson (read, watch, download, play a SCORM package, take a quiz). Anything not assigned answers 404.
 */
@Controller
@RequestMapping("/portal/learning")
@PreAuthorize("hasRole('PARTNER')")
class PortalLearningController {

    private final Learning learning;
    private final ScormPlayer player;
    private final Quizzes quizzes;

    PortalLearningController(Learning learning, ScormPlayer player, Quizzes quizzes) {
        this.learning = learning;
        this.player = player;
        this.quizzes = quizzes;
    }

    @GetMapping
    String courses(Model model) {
        model.addAttribute("courses", learning.courses());
        return "enablement/portal/learning";
    }

    @GetMapping("/{id}")
    String course(@PathVariable UUID id, Model model) {
        model.addAttribute("mine", learning.course(id));
        return "enablement/portal/course";
    }

    @GetMapping("/lessons/{id}")
    String lesson(@PathVariable UUID id, Model model) {
        Learning.MyLesson mine = learning.lesson(id);
        model.addAttribute("mine", mine);
        model.addAttribute("html", learning.html(mine.lesson()));
        if (mine.lesson().kind() == LessonKind.SCORM) {
            ScormPlayer.Session session = player.session(id);
            model.addAttribute("scorm", session);
            model.addAttribute("launch", Packages.launch(session.launch()));
        } else if (mine.lesson().kind() == LessonKind.QUIZ) {
            model.addAttribute("quiz", quizzes.state(id));
        }
        return "enablement/portal/lesson";
    }

    @PostMapping("/lessons/{id}/done")
    String done(@PathVariable UUID id, RedirectAttributes redirect) {
        Learning.MyLesson mine = learning.lesson(id);
        learning.markDone(id);
        return mine.next() != null
                ? "redirect:/portal/learning/lessons/" + mine.next().id()
                : "redirect:/portal/learning/" + mine.course().course().id();
    }

    @GetMapping("/lessons/{id}/file")
    ResponseEntity<Resource> file(@PathVariable UUID id) {
        return Downloads.of(learning.file(id));
    }

    @PostMapping("/lessons/{id}/attempts")
    String start(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            return "redirect:/portal/learning/attempts/" + quizzes.start(id).id();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/portal/learning/lessons/" + id;
        }
    }

    @GetMapping("/attempts/{id}")
    String attempt(@PathVariable UUID id, Model model) {
        AttemptView attempt = quizzes.attempt(id);
        model.addAttribute("attempt", attempt);
        model.addAttribute("mine", learning.lesson(attempt.lessonId()));
        return "enablement/portal/attempt";
    }

    /** The answers: each question's choices as {@code q-<question id>} = choice numbers from 0. */
    @PostMapping("/attempts/{id}")
    String submit(
            @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<UUID, Set<Integer>> answers = new HashMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!field.getKey().startsWith("q-")) {
                continue;
            }
            Set<Integer> chosen = new HashSet<>();
            for (String value : field.getValue()) {
                chosen.add(Answers.choice(value));
            }
            answers.put(Answers.question(field.getKey().substring(2)), chosen);
        }
        try {
            quizzes.submit(id, answers);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", Flash.message(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/portal/learning/attempts/" + id;
    }

    @GetMapping("/packages/{key}/**")
    ResponseEntity<Resource> packageFile(@PathVariable String key, HttpServletRequest request) {
        return Packages.serve(player.file(key, Packages.path(request, key)));
    }
}
