package dev.canopy.partners;

import java.util.List;

/** A page of partners in name order; {@code nextCursor} continues it, null on the last page. */
public record PartnerPage(List<PartnerView> partners, String nextCursor) {}
