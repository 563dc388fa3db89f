package dev.canopy.enablement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A certification: the courses that earn it and how many months a certificate stays valid (null: for ever). */
public record CertificationView(
        UUID id,
        String name,
        String description,
        List<UUID> courseIds,
        @Nullable Integer validMonths,
        boolean archived,
        Instant createdAt) {

    public CertificationView {
        courseIds = List.copyOf(courseIds);
    }
}
