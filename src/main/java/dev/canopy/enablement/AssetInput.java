package dev.canopy.enablement;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An asset as a form or the API sends it, every value still text: {@link ContentLibrary} checks each one and names
 * the field it refuses. Dates are ISO days ({@code 2027-01-31}); publishing starts and expiry falls at 00:00 UTC.
 */
public record AssetInput(
        String kind,
        String title,
        @Nullable String description,
        @Nullable String folder,
        @Nullable List<String> tags,
        @Nullable List<String> products,
        @Nullable List<String> dealStages,
        @Nullable List<String> industries,
        @Nullable String url,
        @Nullable String body,
        @Nullable String match,
        @Nullable List<String> programIds,
        @Nullable List<String> tierIds,
        @Nullable List<String> partnerTypes,
        @Nullable List<String> regions,
        @Nullable List<String> partnerIds,
        @Nullable String publishFrom,
        @Nullable String expireOn) {}
