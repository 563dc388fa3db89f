package dev.canopy.audit.web;

import dev.canopy.audit.AuditLog;
import dev.canopy.audit.AuditPage;
import dev.canopy.audit.AuditQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The audit log page: every change, newest first, filterable; "Load more" pages with htmx. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;
    private final JsonMapper json;

    AuditController(AuditLog auditLog, JsonMapper json) {
        this.auditLog = auditLog;
        this.json = json;
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
        AuditPage page = auditLog.search(query);
        model.addAttribute("page", page);
        model.addAttribute(
                "rows", page.entries().stream().map(e -> AuditRow.of(e, json)).toList());
        model.addAttribute("query", query);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        List<String> actions = auditLog.actions();
        model.addAttribute("actions", actions);
        model.addAttribute(
                "actionLabels",
                actions.stream().collect(Collectors.toMap(a -> a, AuditRow::action, (a, b) -> a, TreeMap::new)));
        return htmx != null && before != null ? "audit/log :: rows" : "audit/log";
    }
}
