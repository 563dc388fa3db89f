package dev.canopy.commissions.internal;

import dev.canopy.commissions.FraudSettings;
import dev.canopy.commissions.PartnerIdentities;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the engine needs to know of each partner in a batch: its domain (for self-referral) and the
 * partner-wide fraud rules that hold whatever it earns (duplicate accounts, refund rate) — worked out
 * once per partner, not per sale.
 */
@Component
public class PartnerFraudFacts {

    private final SourceTable sources;
    private final CommissionTable commissions;
    private final FraudSettingsTable fraud;
    private final ObjectProvider<PartnerIdentities> identities;
    private final Partners partners;

    PartnerFraudFacts(
            SourceTable sources,
            CommissionTable commissions,
            FraudSettingsTable fraud,
            ObjectProvider<PartnerIdentities> identities,
            Partners partners) {
        this.sources = sources;
        this.commissions = commissions;
        this.fraud = fraud;
        this.identities = identities;
        this.partners = partners;
    }

    /** The facts of the partners the given sources (all of the workspace's when null) are for. */
    public List<CommissionEngine.PartnerFacts> of(WorkspaceId workspace, Collection<UUID> sourceIds) {
        FraudSettings settings = fraud.get(workspace);
        List<PartnerId> involved = sources.partners(workspace, sourceIds);
        PartnerIdentities others = identities.getIfAvailable();
        List<CommissionEngine.PartnerFacts> facts = new ArrayList<>();
        for (PartnerView partner : partners.byIds(involved)) {
            List<String> reasons = new ArrayList<>();
            if (settings.duplicateAccounts() && others != null) {
                others.duplicateOf(workspace, partner.id()).ifPresent(why -> reasons.add("Duplicate account: " + why));
            }
            if (settings.refundRatePercent() != null) {
                long[] salesAndRefunds = commissions.salesAndRefunds(workspace, partner.id());
                long sales = salesAndRefunds[0];
                if (sales >= settings.refundRateMinSales()
                        && BigDecimal.valueOf(salesAndRefunds[1] * 100)
                                        .divide(BigDecimal.valueOf(sales), MathContext.DECIMAL64)
                                        .compareTo(settings.refundRatePercent())
                                > 0) {
                    reasons.add("Refund rate above "
                            + settings.refundRatePercent().stripTrailingZeros().toPlainString()
                            + " % ("
                            + salesAndRefunds[1] + " refunds of " + sales + " sales)");
                }
            }
            facts.add(new CommissionEngine.PartnerFacts(
                    partner.id().value(), partner.domain(), reasons.isEmpty() ? null : String.join("; ", reasons)));
        }
        return facts;
    }
}
