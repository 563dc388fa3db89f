package dev.canopy.commissions;

import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealId;
import dev.canopy.deals.DealWon;
import dev.canopy.deals.RevenueBasis;
import dev.canopy.deals.Sourcing;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.AttributionSignal;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.CustomerId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Programmes with plans, partners in them, and the conversions, won deals and bounties commissions come from. */
public class CommissionFixtures {

    private final Fixtures fixtures;
    private final DealFixtures deals;
    private final Programs programs;
    private final CommissionPlans plans;
    private final Commissions commissions;
    private final Bounties bounties;
    private final Clock clock;

    public CommissionFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.deals = new DealFixtures(context);
        this.programs = context.getBean(Programs.class);
        this.plans = context.getBean(CommissionPlans.class);
        this.commissions = context.getBean(Commissions.class);
        this.bounties = context.getBean(Bounties.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A referral programme paying in {@code currency} with a hold of {@code holdDays}. */
    public ProgramView referralProgram(Fixtures.Tenant tenant, String currency, int holdDays) {
        return fixtures.as(
                tenant.owner(),
                () -> programs.create(new ProgramDraft(
                        Fixtures.unique("Referral"),
                        "",
                        List.of(PartnerType.REFERRAL.name()),
                        "A fee on every customer you introduce.",
                        "COMMISSION",
                        "10",
                        "20",
                        "of first-year contract value",
                        currency,
                        "",
                        "",
                        "",
                        String.valueOf(holdDays),
                        "",
                        "",
                        true)));
    }

    public DealFixtures.Member member(Fixtures.Tenant tenant, ProgramView program) {
        return deals.member(tenant, program);
    }

    public CommissionRule rule(Fixtures.Tenant tenant, ProgramView program, RuleDraft draft) {
        return fixtures.as(tenant.owner(), () -> plans.addRule(program.id(), draft));
    }

    /** "15 % of first-year contract value on a won deal". */
    public static RuleDraft referralFee(String percent) {
        return draft("Referral fee", "DEAL_WON", "CONTRACT_VALUE", percent, null);
    }

    /** "percent of every payment, for the customer's lifetime". */
    public static RuleDraft recurring(String percent) {
        return new RuleDraft(
                "Recurring share",
                "RECURRING_PAYMENT",
                "PAYMENT",
                percent,
                null,
                "LIFETIME",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    /** "flat, or a tier's own amount (tier id → amount), when staff grant it". */
    public static RuleDraft bounty(String name, String flat, Map<String, String> tierRates) {
        return new RuleDraft(
                name, "BOUNTY", "FLAT", null, flat, "ONCE", null, null, null, null, null, null, null, null, tierRates);
    }

    /** "flat per valid click", capped per period unless {@code cap} is null. */
    public static RuleDraft perClick(String flat, String cap, String capPeriod) {
        return new RuleDraft(
                "Per click",
                "CLICK",
                "FLAT",
                null,
                flat,
                "ONCE",
                null,
                null,
                null,
                null,
                null,
                null,
                cap,
                capPeriod,
                Map.of());
    }

    /** Staff (the owner) grant {@code partner} a bounty under {@code rule}. */
    public Bounties.Granted bounty(Fixtures.Tenant tenant, PartnerId partner, CommissionRule rule, String reason) {
        return fixtures.as(
                tenant.owner(),
                () -> bounties.grant(
                        new Bounties.Grant(partner.value().toString(), rule.id().toString(), reason, null)));
    }

    public static RuleDraft draft(String name, String event, String basis, String rate, String flat) {
        return new RuleDraft(
                name, event, basis, rate, flat, "ONCE", null, null, null, null, null, null, null, null, Map.of());
    }

    public UUID dealWon(
            Fixtures.Tenant tenant, ProgramView program, PartnerId partner, String amount, String currency) {
        UUID deal = UUID.randomUUID();
        AsSystem.in(tenant.id(), Actor.system(), () -> {
            commissions.record(new DealWon(
                    tenant.id(),
                    new DealId(deal),
                    partner,
                    program.id(),
                    "Acme Industries",
                    "acme-industries.example",
                    Money.of(amount, currency),
                    RevenueBasis.FIRST_YEAR_CONTRACT_VALUE,
                    List.of("Cloud Suite"),
                    Sourcing.SOURCED,
                    clock.instant()));
            return null;
        });
        return deal;
    }

    /** A sale of {@code amount} by a customer; answers the conversion id (what a refund reverses). */
    public UUID sale(
            Fixtures.Tenant tenant,
            ProgramView program,
            PartnerId partner,
            UUID customer,
            String amount,
            String currency,
            boolean first) {
        return sale(tenant, program, partner, customer, UUID.randomUUID(), amount, currency, first);
    }

    /** A sale whose id is chosen beforehand, so that a refund of it can arrive first. */
    public UUID sale(
            Fixtures.Tenant tenant,
            ProgramView program,
            PartnerId partner,
            UUID customer,
            UUID id,
            String amount,
            String currency,
            boolean first) {
        conversion(
                tenant,
                new ConversionAttributed(
                        tenant.id(),
                        new ConversionId(id),
                        ConversionKind.SALE,
                        partner,
                        program.id(),
                        new CustomerId(customer),
                        "buyer@customer.example",
                        "buyer@customer.example",
                        "customer.example",
                        "IN",
                        Money.of(amount, currency),
                        !first,
                        first,
                        "cloud suite",
                        "in_" + id,
                        null,
                        AttributionSignal.CLICK,
                        UUID.randomUUID(),
                        null,
                        clock.instant()));
        return id;
    }

    public UUID refund(
            Fixtures.Tenant tenant,
            ProgramView program,
            PartnerId partner,
            UUID customer,
            UUID sale,
            String amount,
            String currency) {
        UUID id = UUID.randomUUID();
        conversion(
                tenant,
                new ConversionAttributed(
                        tenant.id(),
                        new ConversionId(id),
                        ConversionKind.REFUND,
                        partner,
                        program.id(),
                        new CustomerId(customer),
                        "buyer@customer.example",
                        "buyer@customer.example",
                        "customer.example",
                        "IN",
                        Money.of(amount, currency),
                        false,
                        false,
                        "cloud suite",
                        "in_" + sale,
                        new ConversionId(sale),
                        AttributionSignal.CLICK,
                        null,
                        null,
                        clock.instant()));
        return id;
    }

    public void conversion(Fixtures.Tenant tenant, ConversionAttributed c) {
        AsSystem.in(tenant.id(), Actor.system(), () -> {
            commissions.record(c);
            return null;
        });
    }

    public Instant now() {
        return clock.instant();
    }
}
