package dev.canopy.deals;

import java.util.List;

/** One page of leads, newest first; {@code nextCursor} is null on the last page. */
public record LeadPage(List<LeadView> leads, String nextCursor) {}
