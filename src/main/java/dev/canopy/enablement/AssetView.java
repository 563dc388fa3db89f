package dev.canopy.enablement;

import dev.canopy.deals.DealStage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An asset of the content library: a file (its current version in {@code file}), a link ({@code url}) or Markdown
 * ({@code body}); where it is filed; who may see it and when. {@code state} is as of the moment it was read.
 */
public record AssetView(
        UUID id,
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
        @Nullable Instant expireOn,
        @Nullable FileVersion file,
        AssetState state,
        Instant createdAt,
        Instant updatedAt) {}
