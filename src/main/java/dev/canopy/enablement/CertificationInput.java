package dev.canopy.enablement;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A certification as a form or the API sends it: the courses that earn it, and months of validity (blank: ever). */
public record CertificationInput(
        String name,
        @Nullable String description,
        @Nullable List<String> courseIds,
        @Nullable String validMonths) {}
