package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A partner's link as the portal, the console and the API show it, with what it brought in. */
public record LinkView(
        LinkId id,
        PartnerId partner,
        String partnerName,
        @Nullable String partnerRef,
        ProgramId program,
        String programName,
        String slug,
        String url,
        String destination,
        Utm utm,
        boolean personal,
        boolean disabled,
        Instant createdAt,
        LinkStats stats) {

    /** UTM parameters added to the destination on every visit. */
    public record Utm(
            @Nullable String source,
            @Nullable String medium,
            @Nullable String campaign,
            @Nullable String term,
            @Nullable String content) {

        public static final Utm NONE = new Utm(null, null, null, null, null);
    }

    /** Counted clicks, and leads and paying customers attributed through a click on this link. */
    public record LinkStats(long clicks, long leads, long customers) {

        public static final LinkStats NONE = new LinkStats(0, 0, 0);
    }
}
