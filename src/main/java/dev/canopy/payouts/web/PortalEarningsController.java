package dev.canopy.payouts.web;

import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.Earnings;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutDetails;
import dev.canopy.payouts.PayoutDocument;
import dev.canopy.payouts.PayoutStatements;
import dev.canopy.shared.ConflictException;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's earnings: totals, its commissions each explained, and its statements to download. */
@Controller
@RequestMapping("/portal/earnings")
@PreAuthorize("hasRole('PARTNER')")
class PortalEarningsController {

    private final Commissions commissions;
    private final PayoutStatements statements;
    private final PayoutDetails details;

    PortalEarningsController(Commissions commissions, PayoutStatements statements, PayoutDetails details) {
        this.commissions = commissions;
        this.statements = statements;
        this.details = details;
    }

    @GetMapping
    String earnings(@RequestParam(required = false) UUID after, Model model) {
        PartnerId me = details.myPartner();
        model.addAttribute("totals", Earnings.of(commissions.totals(me)));
        model.addAttribute("page", commissions.mine(after));
        model.addAttribute("statements", statements.mine());
        model.addAttribute("hasPayoutDetails", details.payout(me).isPresent());
        return "payouts/portal/earnings";
    }

    @GetMapping("/statements/{lineId}.pdf")
    Object statement(@PathVariable UUID lineId, RedirectAttributes redirect) {
        return download(redirect, () -> statements.myStatement(lineId));
    }

    @GetMapping("/invoices/{lineId}.pdf")
    Object invoice(@PathVariable UUID lineId, RedirectAttributes redirect) {
        return download(redirect, () -> statements.myInvoice(lineId));
    }

    /** The file, or (a redirect with the flash) the earnings page saying why there is none. */
    private static Object download(RedirectAttributes redirect, Supplier<PayoutDocument> document) {
        try {
            return Downloads.of(document.get());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/portal/earnings";
        }
    }
}
