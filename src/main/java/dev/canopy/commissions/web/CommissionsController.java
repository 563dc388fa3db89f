package dev.canopy.commissions.web;

import dev.canopy.commissions.CommissionReview;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The commissions list with its bulk bar, a commission's page, and the moves both make. */
@Controller
@RequestMapping("/app/commissions")
class CommissionsController {

    private final CommissionReview review;
    private final CommissionPages pages;

    CommissionsController(CommissionReview review, CommissionPages pages) {
        this.review = review;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('commissions:read')")
    String list(
            @ModelAttribute("query") ListQuery query,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String view = pages.list(model, query);
        return htmx != null && query.after() != null ? view + " :: rows" : view;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('commissions:read')")
    String detail(@PathVariable UUID id, Model model) {
        return pages.detail(model, id);
    }

    /** Approve, decline, hold or release the ticked commissions (one form, four buttons). */
    @PostMapping("/{move:approve|decline|hold|release}")
    @PreAuthorize("hasAuthority('commissions:write')")
    String move(
            @PathVariable String move,
            @ModelAttribute("moveForm") MoveForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return move(Move.valueOf(move.toUpperCase(Locale.ROOT)), form, result, model, response, redirect);
    }

    /** Moves and goes back with a flash message, or shows the same page again with the error beside the field. */
    private String move(
            Move move,
            MoveForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    List<UUID> ids = form.commissionIds();
                    int moved = move.apply(review, ids, form.reason());
                    redirect.addFlashAttribute("flash", move.message(moved, ids.size()));
                    return "redirect:" + form.redirect();
                },
                () -> switch (form.origin()) {
                    case REVIEW -> pages.review(model, null);
                    case DETAIL -> pages.detail(model, form.commissionIds().getFirst());
                    case LIST -> pages.list(model, form.listQuery());
                });
    }
}
