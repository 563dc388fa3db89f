package dev.canopy.communications.web;

import dev.canopy.communications.AnnouncementInput;
import dev.canopy.communications.AnnouncementView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The announcement form: what it says, when it shows (UTC) and to whom (enablement's audience fields). */
record AnnouncementForm(
        String title,
        String body,
        @Nullable Boolean pinned,
        String publishAt,
        String expiresAt,
        String match,
        List<String> programIds,
        List<String> tierIds,
        List<String> partnerTypes,
        List<String> regions,
        List<String> partnerIds) {

    static AnnouncementForm blank() {
        return new AnnouncementForm(
                "", "", false, "", "", "ALL", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static AnnouncementForm of(AnnouncementView a) {
        return new AnnouncementForm(
                a.title(),
                a.body(),
                a.pinned(),
                local(a.publishAt()),
                local(a.expiresAt()),
                a.audience().match().name(),
                a.audience().programs().stream().map(UUID::toString).toList(),
                a.audience().tiers().stream().map(UUID::toString).toList(),
                a.audience().types().stream().map(PartnerType::name).toList(),
                List.copyOf(a.audience().regions()),
                a.audience().partners().stream()
                        .map(PartnerId::value)
                        .map(UUID::toString)
                        .toList());
    }

    AnnouncementInput input() {
        return new AnnouncementInput(
                title,
                body,
                Boolean.TRUE.equals(pinned),
                publishAt,
                expiresAt,
                match,
                programIds,
                tierIds,
                partnerTypes,
                regions,
                partnerIds);
    }

    /** As a datetime-local input shows it, in UTC. */
    private static String local(@Nullable Instant instant) {
        return instant == null
                ? ""
                : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
                        .toString();
    }
}
