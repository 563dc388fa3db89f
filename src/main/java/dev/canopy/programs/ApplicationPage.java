package dev.canopy.programs;

import java.util.List;

/** A page of applications, newest first; {@code nextCursor} continues it, null on the last page. */
public record ApplicationPage(List<ApplicationView> applications, Long nextCursor) {}
