package dev.canopy.payouts.internal;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionReview;
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
import dev.canopy.payouts.PayoutRunPayments;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.EventDeliveries;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's payout side: Northwind pays from India (its GSTIN on self-billed invoices); Integrately (a US company
 * with a W-9 on file) is paid by PayPal, Northstar by SEPA transfer, and Bluebird (Bengaluru, GST-registered) by bank
 * transfer with PAN and GSTIN — its USD commissions get GST and count towards the TDS threshold in rupees at the
 * demo's USD→INR rate. A first payout run has paid Integrately's commissions and Bluebird's first won-deal bonus
 * (so the 1099 report of this year has Integrately, and Pat sees a paid statement); Bluebird's second bonus is
 * approved for the next run and its third is still in its hold period. All through the services a person uses.
 */
@Component
@Order(510)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoPayouts implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private static final Logger log = LoggerFactory.getLogger(DemoPayouts.class);

    /** How long the demo waits for the commissions the earlier demo data's events make. */
    private static final Duration EVENTS_LIMIT = Duration.ofSeconds(60);

    private final Workspaces workspaces;
    private final Partners partners;
    private final PayoutDetails details;
    private final Commissions commissions;
    private final CommissionReview review;
    private final PayoutRules rules;
    private final ExchangeRates rates;
    private final PayoutRuns runs;
    private final PayoutRunPayments payments;
    private final EventDeliveries deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoPayouts(
            Workspaces workspaces,
            Partners partners,
            PayoutDetails details,
            Commissions commissions,
            CommissionReview review,
            PayoutRules rules,
            ExchangeRates rates,
            PayoutRuns runs,
            PayoutRunPayments payments,
            EventDeliveries deliveries,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.partners = partners;
        this.details = details;
        this.commissions = commissions;
        this.review = review;
        this.rules = rules;
        this.rates = rates;
        this.runs = runs;
        this.payments = payments;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            PartnerView integrately = partner("Integrately");
            if (integrately != null && details.payout(integrately.id()).isEmpty()) {
                transactions.executeWithoutResult(status -> load(integrately));
                awaitCommissions(workspace);
                pay(integrately, partner("Bluebird Consulting"));
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
        details.saveTax(
                integrately.id(),
                new PayoutDetails.TaxInput(
                        "US",
                        "Integrately Inc.",
                        "548 Market Street, San Francisco, CA 94104",
                        null,
                        null,
                        "W9",
                        "12-3456789"));
    }

    /**
     * The deals won and sales made by the earlier demo data become commissions as their events are delivered, after
     * their transactions: wait for those deliveries, then price what arrived before the commission plans did.
     */
    private void awaitCommissions(WorkspaceId workspace) {
        if (!deliveries.awaitAllDelivered(EVENTS_LIMIT)) {
            log.warn("Demo data: some events were not delivered within {}; payouts may show less", EVENTS_LIMIT);
        }
        commissions.priceWaiting(workspace, clock.instant());
    }

    /**
     * A first payout run, phase by phase: Integrately's commissions and Bluebird's oldest bonus, approved early;
     * then Bluebird's next bonus approved for the next run. Bluebird's last one stays pending.
     */
    private void pay(PartnerView integrately, PartnerView bluebird) {
        List<UUID> bluebirds = bluebird == null ? List.of() : pending(bluebird).reversed();
        approve(pending(integrately));
        approve(bluebirds.stream().limit(1).toList());
        try {
            PayoutRunView run = runs.start();
            runs.approve(run.id());
            payments.export(run.id());
            payments.markPaid(run.id());
        } catch (ConflictException e) {
            // The demo still starts; its payouts page then says what stopped the run.
            log.warn("Demo data: the first payout run stopped: {}", e.getMessage());
        }
        approve(bluebirds.stream().skip(1).limit(1).toList());
    }

    private void approve(List<UUID> ids) {
        if (!ids.isEmpty()) {
            review.approve(ids, "Demo: approved early");
        }
    }

    /** The partner's pending commissions, newest first. */
    private List<UUID> pending(PartnerView partner) {
        return commissions
                .list(new CommissionFilter(CommissionStatus.PENDING, partner.id(), null, null))
                .items()
                .stream()
                .map(CommissionView::id)
                .toList();
    }

    private PartnerView partner(String name) {
        return partners.search(new PartnerSearch(name, null, null, null, false, null, 1)).partners().stream()
                .findFirst()
                .orElse(null);
    }
}
