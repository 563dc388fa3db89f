package dev.canopy.tracking.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.tracking.Customers;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Customers with the evidence of who brought them, and the log of every event received. */
@Controller
@PreAuthorize("hasAuthority('tracking:read')")
class CustomersController {

    private final Customers customers;

    CustomersController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/app/customers")
    String list(
            @RequestParam(required = false) UUID partner,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String before,
            Model model) {
        model.addAttribute(
                "page", customers.list(partner == null ? null : new PartnerId(partner), q, before, Customers.PAGE));
        model.addAttribute("partner", partner);
        model.addAttribute("q", q);
        return "tracking/customers";
    }

    @GetMapping("/app/customers/{id}")
    String customer(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.get(id));
        return "tracking/customer";
    }

    @GetMapping("/app/events")
    String events(
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String before,
            Model model) {
        model.addAttribute("page", customers.events(outcome, source, before));
        model.addAttribute("outcome", outcome);
        model.addAttribute("source", source);
        return "tracking/events";
    }
}
