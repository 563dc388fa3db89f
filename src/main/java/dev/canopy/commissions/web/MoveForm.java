package dev.canopy.commissions.web;

import java.util.List;
import java.util.UUID;

/**
 * The bulk bar's (or one row's) request to move commissions: the ticked ids, the reason decline and hold
 * ask for, and the page to go back to ({@code back}: list, review or detail) with the list's filters.
 */
record MoveForm(List<UUID> ids, String reason, String back, String status, String partner, String program) {

    static MoveForm empty() {
        return new MoveForm(List.of(), "", "list", null, null, null);
    }

    boolean ticked(UUID id) {
        return ids != null && ids.contains(id);
    }
}
