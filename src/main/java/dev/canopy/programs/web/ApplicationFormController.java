package dev.canopy.programs.web;

import dev.canopy.platform.Forms;
import dev.canopy.programs.CriterionInput;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.QuestionType;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A programme's application form in the console: custom questions, scoring criteria, automatic decisions. */
@Controller
@RequestMapping("/app/programs/{id}")
class ApplicationFormController {

    record QuestionForm(String label, String type, Boolean required, String options) {}

    /** {@code answer} is "questionId::option" for CHOICE, from one select over every question's options. */
    record CriterionForm(
            String kind, String answer, String questionId, String threshold, String partnerType, String points) {

        CriterionInput input() {
            if ("CHOICE".equals(kind) && answer != null && answer.contains("::")) {
                String[] parts = answer.split("::", 2);
                return new CriterionInput(kind, parts[0], parts[1], null, null, points);
            }
            return new CriterionInput(kind, questionId, null, threshold, partnerType, points);
        }
    }

    record DecisionsForm(String autoApproveScore, String autoRejectBelow) {}

    private final Programs programs;

    ApplicationFormController(Programs programs) {
        this.programs = programs;
    }

    @GetMapping("/form")
    @PreAuthorize("hasAuthority('programs:read')")
    String page(@PathVariable UUID id, Model model) {
        ProgramId programId = new ProgramId(id);
        ProgramView program = programs.get(programId);
        model.addAttribute("program", program);
        model.addAttribute("questions", programs.questions(programId));
        model.addAttribute("criteria", programs.criteria(programId));
        model.addAttribute("questionTypes", Arrays.asList(QuestionType.values()));
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", new QuestionForm("", "TEXT", false, ""));
        }
        if (!model.containsAttribute("criterionForm")) {
            model.addAttribute("criterionForm", new CriterionForm("", "", "", "", "", ""));
        }
        if (!model.containsAttribute("decisionsForm")) {
            model.addAttribute(
                    "decisionsForm",
                    new DecisionsForm(text(program.autoApproveScore()), text(program.autoRejectBelow())));
        }
        return "programs/form";
    }

    @PostMapping("/questions")
    @PreAuthorize("hasAuthority('programs:write')")
    String addQuestion(
            @PathVariable UUID id,
            @ModelAttribute("questionForm") QuestionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    programs.addQuestion(
                            new ProgramId(id),
                            form.label(),
                            form.type(),
                            Boolean.TRUE.equals(form.required()),
                            form.options());
                    redirect.addFlashAttribute("flash", "Question added to the form.");
                    return "redirect:/app/programs/" + id + "/form";
                },
                () -> page(id, model));
    }

    @PostMapping("/questions/{questionId}/remove")
    @PreAuthorize("hasAuthority('programs:write')")
    String removeQuestion(@PathVariable UUID id, @PathVariable UUID questionId, RedirectAttributes redirect) {
        programs.removeQuestion(new ProgramId(id), questionId);
        redirect.addFlashAttribute("flash", "Question removed. Past applications keep their answers.");
        return "redirect:/app/programs/" + id + "/form";
    }

    @PostMapping("/criteria")
    @PreAuthorize("hasAuthority('programs:write')")
    String addCriterion(
            @PathVariable UUID id,
            @ModelAttribute("criterionForm") CriterionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    programs.addCriterion(new ProgramId(id), form.input());
                    redirect.addFlashAttribute("flash", "Scoring criterion added. It applies to new applications.");
                    return "redirect:/app/programs/" + id + "/form";
                },
                () -> page(id, model));
    }

    @PostMapping("/criteria/{criterionId}/remove")
    @PreAuthorize("hasAuthority('programs:write')")
    String removeCriterion(@PathVariable UUID id, @PathVariable UUID criterionId, RedirectAttributes redirect) {
        programs.removeCriterion(new ProgramId(id), criterionId);
        redirect.addFlashAttribute("flash", "Scoring criterion removed.");
        return "redirect:/app/programs/" + id + "/form";
    }

    @PostMapping("/decisions")
    @PreAuthorize("hasAuthority('programs:write')")
    String decisions(
            @PathVariable UUID id,
            @ModelAttribute("decisionsForm") DecisionsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    programs.setAutomaticDecisions(new ProgramId(id), form.autoApproveScore(), form.autoRejectBelow());
                    redirect.addFlashAttribute("flash", "Automatic decisions saved.");
                    return "redirect:/app/programs/" + id + "/form";
                },
                () -> page(id, model));
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
