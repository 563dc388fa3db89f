package dev.canopy.landingpages;

import dev.canopy.partners.PartnerId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A landing page ready to show: the template with the partner's merge fields in. {@code headline}, headings and
 * {@code ctaLabel} are text (escaped when shown); each section's {@code html} is sanitized HTML, safe to insert.
 */
public record RenderedPage(
        PartnerId partnerId,
        UUID templateId,
        String partnerName,
        @Nullable String logoUrl,
        String headline,
        List<Block> sections,
        String ctaLabel) {

    /** One section: its heading as text and its body as sanitized HTML. */
    public record Block(String heading, String html) {}
}
