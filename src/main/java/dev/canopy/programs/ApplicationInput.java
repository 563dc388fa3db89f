package dev.canopy.programs;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an applicant filled in: the fixed fields and the answers to the custom questions, by question. */
public record ApplicationInput(
        String companyName,
        String website,
        String contactName,
        String contactEmail,
        List<String> partnerTypes,
        String region,
        Map<UUID, List<String>> answers) {

    public ApplicationInput {
        partnerTypes = partnerTypes == null ? List.of() : List.copyOf(partnerTypes);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
