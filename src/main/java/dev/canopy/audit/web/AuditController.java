package dev.canopy.audit.web;

import dev.canopy.audit.AuditLog;
import dev.canopy.audit.AuditQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: every change, newest first, filterable; "Load more" pages with htmx. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/app/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String page(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        AuditQuery query = new AuditQuery(
                action,
                actor,
                subject,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                before,
                PAGE_SIZE);
        model.addAttribute("page", auditLog.search(query));
        model.addAttribute("query", query);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        model.addAttribute("actions", auditLog.actions());
        return htmx != null && before != null ? "audit/log :: rows" : "audit/log";
    }
}
