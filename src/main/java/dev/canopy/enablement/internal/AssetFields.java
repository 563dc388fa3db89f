package dev.canopy.enablement.internal;

import dev.canopy.deals.DealStage;
import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.Audience;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an asset says, where it is filed and who may see it when: an input once checked, and a stored row's core. */
public record AssetFields(
        AssetKind kind,
        String title,
        String description,
        String folder,
        List<String> tags,
        List<String> products,
        List<DealStage> dealStages,
        List<String> industries,
        @Nullable String url,
        @Nullable String body,
        Audience audience,
        @Nullable Instant publishFrom,
        @Nullable Instant expireOn) {}
