package dev.canopy.programs.web;

import dev.canopy.programs.ApplicationInput;
import dev.canopy.programs.ApplicationView;
import dev.canopy.programs.PublicProgram;
import dev.canopy.programs.Recruitment;
import dev.canopy.programs.internal.ApplicationsRateLimited;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of recruitment, for people who are not signed in: a workspace's programmes, a
 * programme's page with its application form, and the thank-you page.
 */
@Controller
@RequestMapping("/programs/{workspaceSlug}")
class PublicProgramsController {

    /**
     * The honeypot: a field people never see and bots fill in. A submission with it is answered like any
     * other, so the bot learns nothing, and nothing is stored.
     */
    static final String HONEYPOT = "homepage";

    private static final String ANSWER_PREFIX = "answers.";

    private final Recruitment recruitment;

    PublicProgramsController(Recruitment recruitment) {
        this.recruitment = recruitment;
    }

    @GetMapping
    String list(@PathVariable String workspaceSlug, Model model) {
        model.addAttribute("listing", recruitment.publicListing(workspaceSlug));
        return "programs/public/list";
    }

    @GetMapping("/{programSlug}")
    String page(@PathVariable String workspaceSlug, @PathVariable String programSlug, Model model) {
        PublicProgram page = recruitment.publicProgram(workspaceSlug, programSlug);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        if (page.program().partnerTypes().size() == 1) {
            values.add(
                    "partnerTypes",
                    page.program().partnerTypes().iterator().next().name());
        }
        return form(page, values, Map.of(), model);
    }

    @PostMapping("/{programSlug}")
    String apply(
            @PathVariable String workspaceSlug,
            @PathVariable String programSlug,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String thanks = "redirect:/programs/" + workspaceSlug + "/" + programSlug + "/thanks";
        String trap = params.getFirst(HONEYPOT);
        if (trap != null && !trap.isBlank()) {
            return thanks;
        }
        try {
            ApplicationView application =
                    recruitment.apply(workspaceSlug, programSlug, input(params), request.getRemoteAddr());
            return thanks + "?result=" + application.status().name().toLowerCase(Locale.ROOT);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            return invalid(workspaceSlug, programSlug, params, errors, response, model);
        } catch (ConflictException e) {
            return invalid(
                    workspaceSlug,
                    programSlug,
                    params,
                    Map.of(e.field() == null ? "" : e.field(), e.getMessage()),
                    response,
                    model);
        } catch (ApplicationsRateLimited e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(Recruitment.RATE_WINDOW.toSeconds()));
            model.addAttribute("page", recruitment.publicProgram(workspaceSlug, programSlug));
            return "programs/public/too-many";
        }
    }

    @GetMapping("/{programSlug}/thanks")
    String thanks(
            @PathVariable String workspaceSlug,
            @PathVariable String programSlug,
            @RequestParam(defaultValue = "pending") String result,
            Model model) {
        model.addAttribute("page", recruitment.publicProgram(workspaceSlug, programSlug));
        model.addAttribute("result", List.of("approved", "rejected").contains(result) ? result : "pending");
        return "programs/public/thanks";
    }

    private String invalid(
            String workspaceSlug,
            String programSlug,
            MultiValueMap<String, String> params,
            Map<String, String> errors,
            HttpServletResponse response,
            Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(recruitment.publicProgram(workspaceSlug, programSlug), params, errors, model);
    }

    private static String form(
            PublicProgram page, MultiValueMap<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "programs/public/program";
    }

    private static ApplicationInput input(MultiValueMap<String, String> params) {
        Map<UUID, List<String>> answers = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX)) {
                try {
                    answers.put(UUID.fromString(name.substring(ANSWER_PREFIX.length())), values);
                } catch (IllegalArgumentException e) {
                    // Not one of our questions: ignore it, as any unknown field is ignored.
                }
            }
        });
        return new ApplicationInput(
                params.getFirst("companyName"),
                params.getFirst("website"),
                params.getFirst("contactName"),
                params.getFirst("contactEmail"),
                params.get("partnerTypes"),
                params.getFirst("region"),
                answers);
    }
}
