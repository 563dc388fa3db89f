package dev.canopy.enablement.web;

import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.List;
import java.util.UUID;

/** The course form: a title, a description and who it is assigned to (the asset form's audience fields). */
record CourseForm(
        String title,
        String description,
        String match,
        List<String> programIds,
        List<String> tierIds,
        List<String> partnerTypes,
        List<String> regions,
        List<String> partnerIds) {

    static CourseForm blank() {
        return new CourseForm("", "", "ALL", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static CourseForm of(CourseView c) {
        return new CourseForm(
                c.title(),
                c.description(),
                c.audience().match().name(),
                c.audience().programs().stream().map(UUID::toString).toList(),
                c.audience().tiers().stream().map(UUID::toString).toList(),
                c.audience().types().stream().map(PartnerType::name).toList(),
                List.copyOf(c.audience().regions()),
                c.audience().partners().stream()
                        .map(PartnerId::value)
                        .map(UUID::toString)
                        .toList());
    }

    CourseInput input() {
        return new CourseInput(title, description, match, programIds, tierIds, partnerTypes, regions, partnerIds);
    }
}
