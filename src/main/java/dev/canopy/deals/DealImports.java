package dev.canopy.deals;

import dev.canopy.deals.internal.DealChecks;
import dev.canopy.deals.internal.ImportedRegistrations;
import dev.canopy.deals.internal.RegistrationTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registrations brought from a CRM or another PRM, under ids the caller derives from the source's own, each
 * checked by the rules of the registration form as of the day it was submitted. They keep their status, so win rates
 * and sales cycles include them; being history, they raise no event (no commission, no email, no conflict review).
 */
@Service
public class DealImports {

    /** A registration as the other system had it; closed deals (won or lost) carry when they closed. */
    public record SourceDeal(
            UUID id,
            PartnerId partner,
            NewDeal deal,
            DealStatus status,
            DealStage stage,
            Instant submittedAt,
            @Nullable Instant closedAt) {}

    private final ImportedRegistrations registrations;

    DealImports(ImportedRegistrations registrations) {
        this.registrations = registrations;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Imported> importDeals(WorkspaceId workspace, ProgramId program, String by, List<SourceDeal> deals) {
        List<Imported> outcomes = new ArrayList<>();
        for (SourceDeal source : deals) {
            try {
                RegistrationTable.Checked checked = DealChecks.check(
                        source.deal(),
                        source.partner(),
                        Set.of(program),
                        LocalDate.ofInstant(source.submittedAt(), ZoneOffset.UTC));
                boolean closed = source.status() == DealStatus.WON || source.status() == DealStatus.LOST;
                if (closed != (source.closedAt() != null)) {
                    throw new InvalidInputException(
                            "closed_at",
                            closed
                                    ? "A won or lost deal needs the day it closed"
                                    : "Only a won or lost deal has closed");
                }
                boolean stored = registrations.insertImported(
                        workspace,
                        withId(checked, source.id()),
                        source.status().name(),
                        source.stage().name(),
                        source.submittedAt(),
                        source.closedAt(),
                        by);
                outcomes.add(stored ? Imported.CREATED : Imported.UNCHANGED);
            } catch (InvalidInputException e) {
                outcomes.add(Imported.refused(new InvalidInputException(e.problems().stream()
                        .map(p -> new InvalidInputException.FieldProblem(column(p.field()), p.message()))
                        .toList())));
            }
        }
        return outcomes;
    }

    private static RegistrationTable.Checked withId(RegistrationTable.Checked c, UUID id) {
        return new RegistrationTable.Checked(
                id,
                c.partner(),
                c.program(),
                c.accountName(),
                c.website(),
                c.domain(),
                c.contactName(),
                c.contactEmail(),
                c.amount(),
                c.products(),
                c.expectedClose(),
                c.notes(),
                c.industry());
    }

    /** The form's field names as the import's columns: expectedClose → expected_close. */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
