package dev.canopy.analytics;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a dashboard shows: a period and, optionally, one programme, one partner, or the partners of a type, a region
 * or a tier.
 */
public record FunnelQuery(
        Period period,
        @Nullable ProgramId program,
        @Nullable PartnerId partner,
        Partners partners) {

    /** Partners by their profile: a type, a region (as partners wrote it), a tier id; each optional. */
    @Schema(name = "FunnelPartnerFilter")
    public record Partners(
            @Nullable PartnerType type,
            @Nullable String region,
            @Nullable String tier) {

        static final Partners ANY = new Partners(null, null, null);

        public boolean any() {
            return type == null && region == null && tier == null;
        }
    }

    public FunnelQuery(Period period, ProgramId program, PartnerId partner) {
        this(period, program, partner, Partners.ANY);
    }

    /** The longest period a dashboard shows at once. */
    public static final int MAX_DAYS = 3 * 366;

    static final int DEFAULT_DAYS = 30;

    /** The last 30 days up to {@code today}, every programme and partner. */
    public static FunnelQuery lastDays(LocalDate today) {
        return new FunnelQuery(new Period(today.minusDays(DEFAULT_DAYS - 1), today), null, null, Partners.ANY);
    }

    /**
     * The filters as typed in a page's or an API's query string; blank ones take their default (the last 30 days
     * up to {@code today}). Every problem is named by its field.
     */
    public static FunnelQuery parse(String from, String to, String program, String partner, LocalDate today) {
        return parse(from, to, program, partner, null, null, null, today);
    }

    /** As above, with the partners' type, region and tier (a tier's id) too. */
    public static FunnelQuery parse(
            String from,
            String to,
            String program,
            String partner,
            String type,
            String region,
            String tier,
            LocalDate today) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        PartnerType partnerType = null;
        if (type != null && !type.isBlank()) {
            try {
                partnerType = PartnerType.valueOf(type.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("type", "Choose one from the list"));
            }
        }
        UUID tierId = id("tier", tier, problems);
        LocalDate last = day("to", to, today, problems);
        LocalDate first = day("from", from, last == null ? today : last.minusDays(DEFAULT_DAYS - 1), problems);
        UUID programId = id("program", program, problems);
        UUID partnerId = id("partner", partner, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new InvalidInputException.FieldProblem("to", "Choose a last day on or after the first"));
            } else if (first.plusDays(MAX_DAYS).isBefore(last)) {
                problems.add(
                        new InvalidInputException.FieldProblem("from", "Choose at most " + MAX_DAYS + " days at once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FunnelQuery(
                new Period(first, last),
                programId == null ? null : new ProgramId(programId),
                partnerId == null ? null : new PartnerId(partnerId),
                new Partners(
                        partnerType,
                        region == null || region.isBlank() ? null : region.strip(),
                        tierId == null ? null : tierId.toString()));
    }

    private static LocalDate day(
            String field, String raw, LocalDate fallback, List<InvalidInputException.FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.FieldProblem(field, "Enter a day as YYYY-MM-DD"));
            return null;
        }
    }

    private static UUID id(String field, String raw, List<InvalidInputException.FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.FieldProblem(field, "Choose one from the list"));
            return null;
        }
    }
}
