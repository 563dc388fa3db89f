package dev.canopy.programs;

/** Filters over the applications inbox, all optional, and a cursor ({@code before}) for the next page. */
public record ApplicationQuery(ProgramId program, ApplicationStatus status, Long before, int limit) {

    public static final int MAX_LIMIT = 200;

    public ApplicationQuery {
        limit = Math.clamp(limit, 1, MAX_LIMIT);
    }
}
