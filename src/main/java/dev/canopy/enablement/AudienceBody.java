package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Audience} as the API reads and writes it, for every resource guarded by one: assets, courses,
 * announcements. The fields are checked by {@link Audiences#check} (or the content library) before anything is stored.
 */
public record AudienceBody(
        @Schema(
                allowableValues = {"ALL", "ANY"},
                description = "How the criteria combine; default ALL")
        @Nullable
        String match,

        @Nullable List<String> programIds,
        @Nullable List<String> tierIds,

        @Schema(description = "Partner types, as RESELLER, REFERRAL…") @Nullable
        List<String> partnerTypes,

        @Nullable List<String> regions,

        @Schema(description = "Partners admitted whatever the criteria say; alone, only these partners") @Nullable
        List<String> partnerIds) {

    /** No criteria and no partners: every partner of the workspace. */
    public static final AudienceBody NONE = new AudienceBody(null, null, null, null, null, null);

    public static AudienceBody of(Audience a) {
        return new AudienceBody(
                a.match().name(),
                a.programs().stream().map(UUID::toString).sorted().toList(),
                a.tiers().stream().map(UUID::toString).sorted().toList(),
                a.types().stream().map(Enum::name).sorted().toList(),
                a.regions().stream().sorted().toList(),
                a.partners().stream()
                        .map(PartnerId::value)
                        .map(UUID::toString)
                        .sorted()
                        .toList());
    }
}
