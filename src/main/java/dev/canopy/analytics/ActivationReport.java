package dev.canopy.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How fast new partners start ({@link Kpi#ACTIVATION}), and how many of today's active partners are working
 * ({@link Kpi#ACTIVE_PARTNERS}), and how many of their people are certified ({@link Kpi#CERTIFIED_PEOPLE}).
 *
 * @param approved partners first approved in the period
 * @param active active partners now; {@code dormant} of them have done nothing for the dormancy days
 * @param certifiedPeople people certified today, at {@code certifiedPartners} partners
 */
public record ActivationReport(
        long approved,
        Step lead,
        Step deal,
        Step sale,
        long active,
        long dormant,
        long certifiedPeople,
        long certifiedPartners) {

    /** How many of the approved reached a first lead, deal or sale, and the median days it took (null: none). */
    @Schema(name = "ActivationStep")
    public record Step(long reached, @Nullable BigDecimal medianDays) {}

    /** Active partners that are not dormant, in per cent; empty without active partners. */
    public Optional<BigDecimal> workingShare() {
        return active == 0
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf((active - dormant) * 100)
                        .divide(BigDecimal.valueOf(active), 1, RoundingMode.HALF_UP));
    }

    /** Certified people ÷ active partners, one decimal; empty without active partners. */
    public Optional<BigDecimal> certifiedPerActivePartner() {
        return active == 0
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(certifiedPeople)
                        .divide(BigDecimal.valueOf(active), 1, RoundingMode.HALF_UP));
    }
}
