package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import java.time.Instant;

/**
 * What one person of a partner company did with an asset: views, downloads, how often the links it shared were
 * opened, and when last.
 */
public record AssetUsage(
        PartnerId partner,
        String partnerName,
        String person,
        long views,
        long downloads,
        long shareOpens,
        Instant lastAt) {}
