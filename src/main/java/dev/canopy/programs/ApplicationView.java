package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An application to a programme, its score as computed at submission, and the decision on it. */
public record ApplicationView(
        UUID id,
        ProgramId programId,
        String programName,
        String companyName,
        String website,
        String domain,
        String contactName,
        String contactEmail,
        Set<PartnerType> partnerTypes,
        String region,
        List<Answer> answers,
        int score,
        List<ScoreLine> scoreLines,
        ApplicationStatus status,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        PartnerId partnerId) {}
