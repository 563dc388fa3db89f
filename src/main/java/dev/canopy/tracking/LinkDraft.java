package dev.canopy.tracking;

import org.jspecify.annotations.Nullable;

/**
 * A link as typed into a form or sent to the API. The partner is the signed-in partner in the portal,
 * and must be named by vendor staff; a blank slug is made up.
 */
public record LinkDraft(
        @Nullable String partnerId,
        @Nullable String programId,
        @Nullable String slug,
        String destination,
        @Nullable String utmSource,
        @Nullable String utmMedium,
        @Nullable String utmCampaign,
        @Nullable String utmTerm,
        @Nullable String utmContent) {

    public static LinkDraft of(LinkView link) {
        return new LinkDraft(
                link.partner().toString(),
                link.program().toString(),
                link.slug(),
                link.destination(),
                link.utm().source(),
                link.utm().medium(),
                link.utm().campaign(),
                link.utm().term(),
                link.utm().content());
    }
}
