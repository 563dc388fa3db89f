package dev.canopy.deals;

import java.util.List;

/** One page of registrations, newest first; {@code nextCursor} is null on the last page. */
public record DealPage(List<DealView> deals, String nextCursor) {}
