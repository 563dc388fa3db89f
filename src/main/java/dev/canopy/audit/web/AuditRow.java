package dev.canopy.audit.web;

import dev.canopy.audit.AuditEntry;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit entry as the page shows it: the action in words ("programs.application.submitted" is "Application
 * submitted"), the subject's kind in words, and the subject by its name where its recorded state names it, its id
 * kept for the tooltip. A change with no one subject shows its kind, and a bulk move how many it moved.
 */
record AuditRow(AuditEntry entry, String action, String subjectType, String subjectName, String subjectId) {

    /** Module names that prefix actions ("payouts.run-started"): the page leaves them out. */
    private static final Set<String> MODULES = Set.of(
            "analytics",
            "audit",
            "commissions",
            "comarketing",
            "deals",
            "enablement",
            "identity",
            "imports",
            "ledger",
            "partners",
            "payouts",
            "programs",
            "tracking",
            "webhooks");

    /** Where a recorded state keeps what people call its subject, most telling first. */
    private static final List<String> NAME_FIELDS = List.of(
            "name",
            "companyName",
            "displayName",
            "partnerName",
            "accountName",
            "title",
            "reference",
            "label",
            "email",
            "contactEmail");

    /** Words written in capitals. */
    private static final Set<String> ACRONYMS = Set.of("api", "csv", "gst", "tds", "mdf", "url", "sso", "id");

    static AuditRow of(AuditEntry entry, JsonMapper json) {
        String id = entry.subjectId() == null
                        || entry.subjectId().isBlank()
                        || entry.subjectId().equals("null")
                ? null
                : entry.subjectId();
        String name = name(entry.after(), entry.subjectType(), json);
        if (name == null) {
            name = name(entry.before(), entry.subjectType(), json);
        }
        return new AuditRow(entry, action(entry.action()), words(entry.subjectType()), name, id);
    }

    /** "programs.application.submitted" → "Application submitted"; "api_key.created" → "API key created". */
    static String action(String action) {
        List<String> parts = List.of(action.split("\\."));
        if (parts.size() > 1 && MODULES.contains(parts.getFirst())) {
            parts = parts.subList(1, parts.size());
        }
        return words(String.join(" ", parts));
    }

    /** "exchange-rate" → "Exchange rate"; "partner_user" → "Partner user". */
    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String word : code.strip().split("[\\s._-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(ACRONYMS.contains(lower) ? lower.toUpperCase(Locale.ROOT) : lower);
        }
        if (text.isEmpty() || ACRONYMS.contains(text.toString().split(" ")[0].toLowerCase(Locale.ROOT))) {
            return text.toString();
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String name(String state, String subjectType, JsonMapper json) {
        if (state == null || state.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(state);
        } catch (RuntimeException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode ids = node.get("ids");
        if (ids != null && ids.isArray()) {
            String kind = words(subjectType).toLowerCase(Locale.ROOT);
            return ids.size() + " " + kind + (ids.size() == 1 ? "" : "s");
        }
        for (String field : NAME_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }
}
