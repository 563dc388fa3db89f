package dev.canopy.programs;

import dev.canopy.partners.PartnerType;
import java.time.Instant;
import java.util.Set;

/**
 * A programme as the vendor configured it. The attribution window and hold period are read by tracking
 * and commissions; the reapply period by recruitment; the demotion grace period by tier evaluation.
 */
public record ProgramView(
        ProgramId id,
        String name,
        String slug,
        Set<PartnerType> partnerTypes,
        String valueProposition,
        Reward reward,
        String coMarketing,
        String training,
        int attributionWindowDays,
        int holdPeriodDays,
        int reapplyAfterDays,
        int demotionGraceDays,
        Integer autoApproveScore,
        Integer autoRejectBelow,
        boolean acceptingApplications,
        Instant createdAt,
        Instant updatedAt) {}
