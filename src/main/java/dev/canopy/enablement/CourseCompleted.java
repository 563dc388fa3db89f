package dev.canopy.enablement;

import dev.canopy.partners.PartnerAction;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner user finished every lesson of a course (its quizzes passed). Counts as partner activity; certifications
 * are earned from these.
 */
public record CourseCompleted(
        WorkspaceId workspace,
        UUID courseId,
        String courseTitle,
        PartnerId partner,
        UUID personId,
        String person,
        Instant at)
        implements PartnerAction {}
