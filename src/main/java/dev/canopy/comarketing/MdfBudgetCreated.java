package dev.canopy.comarketing;

import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Staff created a market development funds budget for a programme and period. */
public record MdfBudgetCreated(
        WorkspaceId workspace,
        UUID budget,
        ProgramId program,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        Money amount,
        String by,
        Instant at)
        implements DomainEvent {}
