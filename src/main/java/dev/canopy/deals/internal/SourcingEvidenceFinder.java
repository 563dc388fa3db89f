package dev.canopy.deals.internal;

import dev.canopy.deals.DealView;
import dev.canopy.deals.KnownCustomers;
import dev.canopy.deals.PartnerTouches;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Gathers what decides a won deal's sourcing: the partner's documented actions (its registration, leads
 * it accepted for the account, clicks other modules record) and when the vendor's opportunity existed —
 * the date staff give from their CRM, else the vendor's first record of the account as a customer or open
 * opportunity before the approval, else the approval itself.
 */
@Component
public class SourcingEvidenceFinder {

    private final LeadTable leads;
    private final MappingTable accounts;
    private final List<KnownCustomers> knownCustomers;
    private final List<PartnerTouches> touches;

    SourcingEvidenceFinder(
            LeadTable leads, MappingTable accounts, List<KnownCustomers> knownCustomers, List<PartnerTouches> touches) {
        this.leads = leads;
        this.accounts = accounts;
        this.knownCustomers = knownCustomers;
        this.touches = touches;
    }

    /** {@code staffSaidOpened} is null when staff gave no date. */
    public SourcingEvidence find(WorkspaceId workspace, DealView deal, Instant staffSaidOpened) {
        List<SourcingEvidence.PartnerAction> actions = new ArrayList<>();
        actions.add(new SourcingEvidence.PartnerAction(
                "REGISTRATION", deal.submittedAt(), deal.id().toString()));
        actions.addAll(leads.acceptedBy(workspace, deal.partnerId(), deal.domain()));
        touches.forEach(t -> actions.addAll(t.touches(workspace, deal.partnerId(), deal.domain())));
        if (staffSaidOpened != null) {
            return SourcingPolicy.ordered(actions, staffSaidOpened, "Opened in the vendor's CRM, as staff recorded");
        }
        List<SourcingEvidence.PartnerAction> vendorRecords =
                new ArrayList<>(accounts.vendorRecordsSince(workspace, deal.domain()));
        knownCustomers.forEach(k -> k.matching(workspace, deal.domain(), deal.accountName()).stream()
                .filter(c -> deal.domain().equals(c.registrableDomain()) && c.since() != null)
                .forEach(c ->
                        vendorRecords.add(new SourcingEvidence.PartnerAction("CUSTOMER", c.since(), c.reference()))));
        return vendorRecords.stream()
                .filter(r -> r.at().isBefore(deal.decidedAt()))
                .min(Comparator.comparing(SourcingEvidence.PartnerAction::at))
                .map(r -> SourcingPolicy.ordered(actions, r.at(), describe(r)))
                .orElseGet(() -> SourcingPolicy.ordered(
                        actions, deal.decidedAt(), "Created by the approval of this registration"));
    }

    private static String describe(SourcingEvidence.PartnerAction record) {
        return record.kind().equals("CUSTOMER")
                ? "A customer already (" + record.reference() + ")"
                : "In the vendor's account list as "
                        + record.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
