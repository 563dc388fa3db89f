package dev.canopy.commissions.web;

import dev.canopy.shared.InvalidInputException;
import java.util.List;
import java.util.UUID;

/**
 * The bulk bar's (or one row's) request to move commissions: the ticked ids, the reason decline and hold
 * ask for, and the page to go back to ({@code back}: list, review or detail) with the list's filters. Ids
 * arrive as text, so a malformed one is an error beside the form rather than a form that cannot be shown.
 */
record MoveForm(List<String> ids, String reason, String back, String status, String partner, String program) {

    static MoveForm empty() {
        return new MoveForm(List.of(), "", "list", null, null, null);
    }

    List<UUID> commissionIds() {
        if (ids == null) {
            return List.of();
        }
        try {
            return ids.stream().map(id -> UUID.fromString(id.strip())).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ids", "Tick commissions from the list");
        }
    }

    public boolean ticked(UUID id) {
        return ids != null && ids.contains(id.toString());
    }
}
