package dev.canopy.directory;

import org.jspecify.annotations.Nullable;

/**
 * The public directory's filters, each optional and matched whole, ignoring case: a partner type (its enum
 * name), a region or country served, an industry, a service, a certification its people hold and a tier (by name).
 */
public record DirectoryQuery(
        @Nullable String type,
        @Nullable String region,
        @Nullable String industry,
        @Nullable String service,
        @Nullable String certification,
        @Nullable String tier) {

    /** Blank filters are no filters. */
    public DirectoryQuery {
        type = given(type);
        region = given(region);
        industry = given(industry);
        service = given(service);
        certification = given(certification);
        tier = given(tier);
    }

    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
