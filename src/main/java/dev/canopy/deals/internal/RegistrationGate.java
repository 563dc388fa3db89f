package dev.canopy.deals.internal;

import dev.canopy.deals.RegistrationRequirement;
import dev.canopy.deals.RegistrationRequirements;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Whether a partner may register deals under a programme, by every module's requirements on registering. */
@Component
public class RegistrationGate {

    private final List<RegistrationRequirements> sources;

    RegistrationGate(List<RegistrationRequirements> sources) {
        this.sources = sources;
    }

    public List<RegistrationRequirement> of(
            WorkspaceId workspace, ProgramView program, PartnerId partner, Instant now) {
        return sources.stream()
                .flatMap(s -> s.of(workspace, program, partner, now).stream())
                .toList();
    }

    /** Refuses, naming the programme field, while a requirement is unmet and past its grace period. */
    public void requireOpen(WorkspaceId workspace, ProgramView program, PartnerId partner, Instant now) {
        of(workspace, program, partner, now).stream()
                .filter(r -> !r.open())
                .findFirst()
                .ifPresent(r -> {
                    throw new InvalidInputException(
                            "programId",
                            "Registering deals in the " + program.name() + " needs " + r.required() + " "
                                    + (r.required() == 1 ? "person" : "people") + " with an active “"
                                    + r.certification() + "” certification; your company has " + r.held());
                });
    }
}
