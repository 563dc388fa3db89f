package dev.canopy.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a partner writes about itself for the directory, as typed; checked by the service. */
public record ListingProfile(
        @Nullable String description,
        @Nullable String website,
        @Nullable String contactEmail,
        @Nullable List<String> services,
        @Nullable List<String> industries,
        @Nullable List<String> regions) {}
