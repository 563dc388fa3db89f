package dev.canopy.comarketing;

import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A budget of one programme and period, with what its approved requests reserve and what was paid out of it;
 * {@code remaining} is what is left to approve.
 */
public record BudgetView(
        UUID id,
        ProgramId programId,
        String programName,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        Money amount,
        int claimDays,
        @Nullable Money secondApprovalAbove,
        Money approved,
        Money paid,
        String createdBy,
        Instant createdAt) {

    public Money remaining() {
        return amount.minus(approved);
    }

    /** Open for requests on {@code today}: the period has not ended (use it or lose it). */
    public boolean open(LocalDate today) {
        return !today.isAfter(endsOn);
    }
}
