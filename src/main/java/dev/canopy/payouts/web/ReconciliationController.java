package dev.canopy.payouts.web;

import dev.canopy.payouts.PayoutDocument;
import dev.canopy.payouts.Reconciliation;
import dev.canopy.payouts.internal.ReconciliationCsv;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The ledger per partner and currency, on screen and as CSV. */
@Controller
@PreAuthorize("hasAuthority('payouts:read')")
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/app/reconciliation")
    String report(Model model) {
        model.addAttribute("lines", reconciliation.report());
        return "payouts/reconciliation";
    }

    @GetMapping("/app/reconciliation.csv")
    ResponseEntity<byte[]> csv() {
        return Downloads.of(new PayoutDocument(
                "reconciliation.csv", "text/csv; charset=UTF-8", ReconciliationCsv.write(reconciliation.report())));
    }
}
