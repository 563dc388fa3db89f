package dev.canopy.enablement.web;

import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.AssetView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The asset form: tags, products and industries typed comma-separated, the audience ticked, dates as days. */
record AssetForm(
        String kind,
        String title,
        String description,
        String folder,
        String tags,
        String products,
        List<String> dealStages,
        String industries,
        String url,
        String body,
        String match,
        List<String> programIds,
        List<String> tierIds,
        List<String> partnerTypes,
        List<String> regions,
        List<String> partnerIds,
        String publishFrom,
        String expireOn) {

    static AssetForm blank(String kind) {
        return new AssetForm(
                kind, "", "", "", "", "", List.of(), "", "", "", "ALL", List.of(), List.of(), List.of(), List.of(),
                List.of(), "", "");
    }

    static AssetForm of(AssetView a) {
        return new AssetForm(
                a.kind().name(),
                a.title(),
                a.description(),
                a.folder(),
                String.join(", ", a.tags()),
                String.join(", ", a.products()),
                a.dealStages().stream().map(Enum::name).toList(),
                String.join(", ", a.industries()),
                a.url(),
                a.body(),
                a.audience().match().name(),
                a.audience().programs().stream().map(UUID::toString).toList(),
                a.audience().tiers().stream().map(UUID::toString).toList(),
                a.audience().types().stream().map(PartnerType::name).toList(),
                List.copyOf(a.audience().regions()),
                a.audience().partners().stream()
                        .map(PartnerId::value)
                        .map(UUID::toString)
                        .toList(),
                day(a.publishFrom()),
                day(a.expireOn()));
    }

    AssetInput input() {
        return new AssetInput(
                kind,
                title,
                description,
                folder,
                List.of(nonNull(tags)),
                List.of(nonNull(products)),
                dealStages,
                List.of(nonNull(industries)),
                url,
                body,
                match,
                programIds,
                tierIds,
                partnerTypes,
                regions,
                partnerIds,
                publishFrom,
                expireOn);
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String day(java.time.@Nullable Instant at) {
        return at == null ? "" : LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
