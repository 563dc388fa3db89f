package dev.canopy.directory;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partner's listing: what the partner wrote (its profile and whether it opted in), whether staff hid it, and
 * what Canopy knows of the partner (its types, its best tier, its certified people and their certifications).
 *
 * @param tierRank the tier's place in its programme, 1 for the lowest; 0 without a tier
 * @param updatedAt null while the partner has never saved its listing
 */
public record DirectoryEntry(
        PartnerId partnerId,
        String name,
        String slug,
        boolean optedIn,
        boolean hidden,
        @Nullable String hiddenReason,
        @Nullable String description,
        @Nullable String website,
        @Nullable String contactEmail,
        List<String> services,
        List<String> industries,
        List<String> regions,
        Set<PartnerType> types,
        @Nullable String tier,
        int tierRank,
        long certifiedPeople,
        List<String> certifications,
        @Nullable Instant updatedAt) {

    /** Whether the public sees it: the partner opted in and staff did not hide it. */
    public boolean listed() {
        return optedIn && !hidden;
    }
}
