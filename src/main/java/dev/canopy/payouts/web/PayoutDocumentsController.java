package dev.canopy.payouts.web;

import dev.canopy.payouts.PayoutDocument;
import dev.canopy.payouts.PayoutFiles;
import dev.canopy.payouts.PayoutStatements;
import dev.canopy.platform.Flash;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A run's downloads: its payment files, and each line's statement and self-billed invoice. A document that
 * cannot be made (a partner's bank details incomplete, no vendor GSTIN) sends finance back to the run with why.
 */
@Controller
@RequestMapping("/app/payouts/{id}")
@PreAuthorize("hasAuthority('payouts:read')")
class PayoutDocumentsController {

    private final PayoutFiles files;
    private final PayoutStatements statements;

    PayoutDocumentsController(PayoutFiles files, PayoutStatements statements) {
        this.files = files;
        this.statements = statements;
    }

    @GetMapping("/files/{format}/{currency}")
    Object file(
            @PathVariable UUID id,
            @PathVariable String format,
            @PathVariable String currency,
            RedirectAttributes redirect) {
        return download(id, redirect, () -> files.file(id, format, currency));
    }

    @GetMapping("/lines/{lineId}/statement.pdf")
    Object statement(@PathVariable UUID id, @PathVariable UUID lineId, RedirectAttributes redirect) {
        return download(id, redirect, () -> statements.statement(id, lineId));
    }

    @GetMapping("/lines/{lineId}/invoice.pdf")
    Object invoice(@PathVariable UUID id, @PathVariable UUID lineId, RedirectAttributes redirect) {
        return download(id, redirect, () -> statements.invoice(id, lineId));
    }

    /** The file, or (a redirect with the flash) the run page saying why there is none. */
    private static Object download(UUID run, RedirectAttributes redirect, Supplier<PayoutDocument> document) {
        try {
            return Downloads.of(document.get());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", Flash.message(e));
        }
        return "redirect:/app/payouts/" + run;
    }
}
