package dev.canopy.payouts.internal;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.PayoutDetails;
import dev.canopy.payouts.PayoutRules;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's payout side: Northwind pays from India (its GSTIN on self-billed invoices); Integrately is paid
 * by PayPal, Northstar by SEPA transfer, and Bluebird (Bengaluru, GST-registered) by bank transfer with PAN
 * and GSTIN — its USD commissions get GST and count towards the TDS threshold in rupees at the demo's
 * USD→INR rate. Integrately's commissions are approved, so a payout run has something to pay at once.
 */
@Component
@Order(510)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoPayouts implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final Partners partners;
    private final PayoutDetails details;
    private final Commissions commissions;
    private final PayoutRules rules;
    private final ExchangeRates rates;
    private final TransactionTemplate transactions;

    DemoPayouts(
            Workspaces workspaces,
            Partners partners,
            PayoutDetails details,
            Commissions commissions,
            PayoutRules rules,
            ExchangeRates rates,
            TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.partners = partners;
        this.details = details;
        this.commissions = commissions;
        this.rules = rules;
        this.rates = rates;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            PartnerView integrately = partner("Integrately");
            if (integrately != null && details.payout(integrately.id()).isEmpty()) {
                transactions.executeWithoutResult(status -> load(integrately));
            }
            return null;
        });
    }

    private void load(PartnerView integrately) {
        rules.save(new PayoutRules.SettingsInput(
                true,
                "15",
                "10000",
                "USD",
                false,
                "Northwind Cloud India Pvt Ltd",
                "4 Residency Road, Bengaluru 560025",
                "29AAGCB7383J1Z4",
                "IN",
                "WITHHOLD_20"));
        rates.enter("USD", "INR", "2025-04-01", "88.00");
        details.savePayout(
                integrately.id(),
                new PayoutDetails.PayoutInput(
                        "PAYPAL",
                        "Integrately Inc.",
                        "payouts@integrately.example",
                        null,
                        null,
                        null,
                        null,
                        "US",
                        null));
        PartnerView northstar = partner("Northstar Systems");
        if (northstar != null) {
            details.savePayout(
                    northstar.id(),
                    new PayoutDetails.PayoutInput(
                            "BANK",
                            "Northstar Systems GmbH",
                            null,
                            "DE89 3704 0044 0532 0130 00",
                            "COBADEFFXXX",
                            null,
                            null,
                            "DE",
                            null));
        }
        PartnerView bluebird = partner("Bluebird Consulting");
        if (bluebird != null) {
            details.savePayout(
                    bluebird.id(),
                    new PayoutDetails.PayoutInput(
                            "BANK",
                            "Bluebird Consulting LLP",
                            null,
                            null,
                            null,
                            "50200012345678",
                            "HDFC0000123",
                            "IN",
                            null));
            details.saveTax(
                    bluebird.id(),
                    new PayoutDetails.TaxInput(
                            "IN",
                            "Bluebird Consulting LLP",
                            "14 MG Road, Bengaluru 560001",
                            "AAPFU0939F",
                            "29AAPFU0939F1ZR",
                            null,
                            null));
        }
        commissions.approve(
                commissions
                        .list(new CommissionFilter(CommissionStatus.PENDING, integrately.id(), null, null))
                        .items()
                        .stream()
                        .map(CommissionView::id)
                        .toList(),
                "Demo: approved early");
    }

    private PartnerView partner(String name) {
        return partners.search(new PartnerSearch(name, null, null, null, false, null, 1)).partners().stream()
                .findFirst()
                .orElse(null);
    }
}
