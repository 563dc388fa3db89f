package dev.canopy.enablement;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A course as a form or the API sends it, every value still text; the audience fields are the asset form's
 * ({@link AssetInput}): the partners it admits are the ones the course is assigned to.
 */
public record CourseInput(
        String title,
        @Nullable String description,
        @Nullable String match,
        @Nullable List<String> programIds,
        @Nullable List<String> tierIds,
        @Nullable List<String> partnerTypes,
        @Nullable List<String> regions,
        @Nullable List<String> partnerIds) {}
