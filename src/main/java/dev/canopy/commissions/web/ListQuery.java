package dev.canopy.commissions.web;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The list's filters as the page's links carry them: blank filters nothing, an unknown status too; {@code after}
 * is the cursor of the next page.
 */
record ListQuery(String status, String partner, String program, UUID after) {

    CommissionFilter filter() {
        return new CommissionFilter(
                statusFilter(),
                id(partner, PartnerId::new),
                id(program, ProgramId::new),
                after == null ? null : after.toString());
    }

    public CommissionStatus statusFilter() {
        if (status == null) {
            return null;
        }
        String name = status.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(CommissionStatus.values())
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static <T> T id(String raw, java.util.function.Function<UUID, T> wrap) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return wrap.apply(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
