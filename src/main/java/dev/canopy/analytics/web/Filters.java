package dev.canopy.analytics.web;

import dev.canopy.analytics.FunnelQuery;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;

/** The analytics filters as a page's or an API's query string carries them, every one optional. */
record Filters(
        @Parameter(description = "First day, YYYY-MM-DD (UTC); the default is 29 days before the last")
        String from,

        @Parameter(description = "Last day, YYYY-MM-DD (UTC); the default is today")
        String to,

        @Parameter(description = "Only this programme's activity (its id)")
        String program,

        @Parameter(description = "Only this partner's activity (its id)")
        String partner,

        @Parameter(description = "Only partners of this type (RESELLER, REFERRAL, …)")
        String type,

        @Parameter(description = "Only partners in this region")
        String region,

        @Parameter(description = "Only partners at this tier (its id)")
        String tier) {

    /** The query they ask for; each bad one named by its field. */
    FunnelQuery query(LocalDate today) {
        return FunnelQuery.parse(from, to, program, partner, type, region, tier, today);
    }
}
