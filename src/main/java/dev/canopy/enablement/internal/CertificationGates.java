package dev.canopy.enablement.internal;

import dev.canopy.deals.RegistrationRequirement;
import dev.canopy.deals.RegistrationRequirements;
import dev.canopy.enablement.RequirementSubject;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierRequirement;
import dev.canopy.programs.TierRequirements;
import dev.canopy.shared.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Certification requirements as deals and tiers consult them. Registering deals follows {@link GatePolicy} with the
 * programme's grace period; a tier needs the requirement met now, because tier evaluation applies the same grace
 * period itself to any drop below a tier.
 */
@Component
class CertificationGates implements RegistrationRequirements, TierRequirements {

    private final RequirementTable table;

    CertificationGates(RequirementTable table) {
        this.table = table;
    }

    @Override
    public List<RegistrationRequirement> of(
            WorkspaceId workspace, ProgramView program, PartnerId partner, Instant now) {
        List<RequirementTable.Row> rows =
                table.of(workspace, List.of(program.id().value()), RequirementSubject.DEAL_REGISTRATION, null);
        Map<UUID, List<GatePolicy.Held>> held = table.held(
                        workspace,
                        List.of(partner),
                        rows.stream().map(RequirementTable.Row::certificationId).toList())
                .getOrDefault(partner, Map.of());
        Duration grace = Duration.ofDays(program.demotionGraceDays());
        return rows.stream()
                .map(r -> {
                    GatePolicy.Standing s = GatePolicy.standing(
                            held.getOrDefault(r.certificationId(), List.of()),
                            r.minPeople(),
                            r.createdAt(),
                            now,
                            grace);
                    return new RegistrationRequirement(
                            r.certificationName(), r.minPeople(), s.held(), s.openUntil(), r.courseId());
                })
                .toList();
    }

    @Override
    public Map<PartnerId, List<TierRequirement>> of(
            WorkspaceId workspace, ProgramId program, Collection<PartnerId> partners, Instant now) {
        List<RequirementTable.Row> rows = table.of(workspace, List.of(program.value()), RequirementSubject.TIER, null);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<PartnerId, Map<UUID, List<GatePolicy.Held>>> held = table.held(
                workspace,
                partners,
                rows.stream().map(RequirementTable.Row::certificationId).toList());
        return partners.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        partner -> rows.stream()
                                .map(r -> new TierRequirement(
                                        r.tierId(),
                                        r.certificationName(),
                                        r.minPeople(),
                                        GatePolicy.heldAt(
                                                held.getOrDefault(partner, Map.of())
                                                        .getOrDefault(r.certificationId(), List.of()),
                                                now),
                                        r.courseId()))
                                .toList()));
    }
}
