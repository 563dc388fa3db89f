package dev.canopy.commissions.web;

import dev.canopy.shared.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The bulk bar's (or one row's) request to move commissions: the ticked ids, the reason decline and hold
 * ask for, and the page it came from ({@code back}: list, review or detail) with the list's filters. Ids
 * arrive as text, so a malformed one is an error beside the form rather than a form that cannot be shown.
 */
record MoveForm(List<String> ids, String reason, String back, String status, String partner, String program) {

    /** The pages a move is made from, and goes back to. */
    enum Origin {
        LIST,
        REVIEW,
        /** A single commission's page; only with one id. */
        DETAIL
    }

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

    Origin origin() {
        if ("review".equals(back)) {
            return Origin.REVIEW;
        }
        if ("detail".equals(back) && ids != null && ids.size() == 1) {
            try {
                commissionIds();
                return Origin.DETAIL;
            } catch (InvalidInputException e) {
                return Origin.LIST;
            }
        }
        return Origin.LIST;
    }

    /** Where to go after the move: the page it came from, the list with its filters kept. */
    String redirect() {
        return switch (origin()) {
            case REVIEW -> "/app/commissions/review";
            case DETAIL -> "/app/commissions/" + commissionIds().getFirst();
            case LIST ->
                UriComponentsBuilder.fromPath("/app/commissions")
                        .queryParamIfPresent("status", nonBlank(status))
                        .queryParamIfPresent("partner", nonBlank(partner))
                        .queryParamIfPresent("program", nonBlank(program))
                        .encode()
                        .toUriString();
        };
    }

    ListQuery listQuery() {
        return new ListQuery(status, partner, program, null);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
