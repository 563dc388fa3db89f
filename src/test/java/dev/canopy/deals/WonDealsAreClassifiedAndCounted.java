package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A won deal publishes what the commission engine pays on, counts toward tiers, and is classified from
 * timestamps with its evidence; staff may override the classification with a reason.
 */
@CanopyTest
@RecordApplicationEvents
class WonDealsAreClassifiedAndCounted {

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    DealOutcomes outcomes;

    @Autowired
    AccountMapping mapping;

    @Autowired
    JdbcClient db;

    @Autowired
    ApplicationEvents events;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void aResellerProgramme() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        partner = f.member(tenant, program);
    }

    private DealView approved(String name, String website) {
        DealView deal = f.register(partner, program, name, website);
        return f.asStaff(tenant, () -> deals.approve(deal.id()));
    }

    @Test
    void aRegistrationBeforeTheVendorHadTheOpportunityIsPartnerSourced() {
        DealView deal = approved("Massive Dynamic", "massivedynamic.com");

        DealView won = f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "31000.50", ""));

        assertThat(won.status()).isEqualTo(DealStatus.WON);
        assertThat(won.sourcing()).isEqualTo(Sourcing.SOURCED);
        assertThat(won.sourcingEvidence().actions())
                .extracting(SourcingEvidence.PartnerAction::kind)
                .containsExactly("REGISTRATION");
        assertThat(won.sourcingEvidence().opportunityOpenedAt()).isEqualTo(deal.decidedAt());
        assertThat(events.stream(DealWon.class)).singleElement().satisfies(e -> {
            assertThat(e.dealId().value()).isEqualTo(deal.id());
            assertThat(e.partner()).isEqualTo(partner.id());
            assertThat(e.amount().amount()).isEqualByComparingTo("31000.50");
            assertThat(e.amount().currencyCode()).isEqualTo("EUR");
            // The programme pays a margin: the amount is list price.
            assertThat(e.basis()).isEqualTo(RevenueBasis.LIST_PRICE);
            assertThat(e.products()).containsExactly("Cloud Suite", "Support");
            assertThat(e.sourcing()).isEqualTo(Sourcing.SOURCED);
        });
        assertThat(metric("DEALS_WON", "COUNT")).isEqualByComparingTo("1");
        assertThat(metric("PARTNER_SOURCED_REVENUE_12M", "EUR")).isEqualByComparingTo("31000.50");
    }

    @Test
    void anOpportunityTheVendorListedBeforeTheRegistrationMakesItInfluenced() {
        f.asStaff(
                tenant,
                () -> mapping.uploadVendorAccounts("name,domain,status\nPied Piper,piedpiper.com,open opportunity\n"));
        DealView deal = approved("Pied Piper", "piedpiper.com");

        DealView won = f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "", ""));

        assertThat(won.sourcing()).isEqualTo(Sourcing.INFLUENCED);
        assertThat(won.sourcingEvidence().opportunitySource()).contains("open opportunity");
        assertThat(won.amount()).isEqualTo(deal.amount());
        assertThat(metric("DEALS_WON", "COUNT")).isEqualByComparingTo("1");
        assertThat(metric("PARTNER_SOURCED_REVENUE_12M", "EUR")).isEqualByComparingTo("0");
    }

    @Test
    void staffSayWhenTheirCrmOpenedTheOpportunityAndMayOverrideWithAReason() {
        DealView deal = approved("Aviato", "aviato.com");
        String lastYear =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusYears(1).toString();

        DealView won = f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "", lastYear));
        assertThat(won.sourcing()).isEqualTo(Sourcing.INFLUENCED);

        assertThatThrownBy(() -> f.asStaff(tenant, () -> outcomes.overrideSourcing(deal.id(), "SOURCED", " ")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("reason"));
        DealView overridden = f.asStaff(
                tenant, () -> outcomes.overrideSourcing(deal.id(), "SOURCED", "The partner brought the CFO in"));

        assertThat(overridden.sourcing()).isEqualTo(Sourcing.SOURCED);
        assertThat(overridden.sourcingOverridden()).isTrue();
        assertThat(events.stream(DealSourcingChanged.class)).singleElement();
        assertThat(metric("PARTNER_SOURCED_REVENUE_12M", "EUR")).isEqualByComparingTo("25000");
        assertThat(db.sql(
                                "select count(*) from audit_event where workspace_id = ? and action = 'deals.sourcing.overridden'")
                        .param(tenant.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyAnApprovedDealIsWonOrLostAndLosingEndsTheProtection() {
        DealView pending = f.register(partner, program, "Hooli", "hooli.xyz");
        assertThatThrownBy(() -> f.asStaff(tenant, () -> outcomes.markWon(pending.id(), "", "")))
                .isInstanceOf(ConflictException.class);

        DealView deal = f.asStaff(tenant, () -> deals.approve(pending.id()));
        f.asStaff(tenant, () -> deals.moveStage(deal.id(), "NEGOTIATION"));
        DealView lost = f.asStaff(tenant, () -> outcomes.markLost(deal.id(), "Chose a competitor"));

        assertThat(lost.status()).isEqualTo(DealStatus.LOST);
        assertThat(lost.stage()).isEqualTo(DealStage.NEGOTIATION);
        assertThat(events.stream(DealRegistrationEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(DealStatus.LOST));
        assertThat(f.asStaff(tenant, () -> deals.protecting(tenant.id(), "hooli.xyz", clock.instant())))
                .isEmpty();
        assertThatThrownBy(() -> f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "", "")))
                .isInstanceOf(ConflictException.class);
    }

    private BigDecimal metric(String metric, String unit) {
        return db.sql(
                        "select value from programs_partner_metric where workspace_id = ? and partner_id = ? and metric = ? and unit = ?")
                .params(tenant.id().value(), partner.id().value(), metric, unit)
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }
}
