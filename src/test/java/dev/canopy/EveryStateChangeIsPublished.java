package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionEarned;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionKind;
import dev.canopy.commissions.CommissionMoved;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealRegistered;
import dev.canopy.deals.DealView;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.PayoutFixtures;
import dev.canopy.payouts.PayoutLinePaid;
import dev.canopy.payouts.PayoutRunMoved;
import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.programs.ApplicationDecided;
import dev.canopy.programs.ApplicationStatus;
import dev.canopy.programs.ApplicationSubmitted;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Recruitment;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.LinkCreated;
import dev.canopy.tracking.TrackingFixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The state changes docs/events.md lists are published when they happen, with what a listener needs. */
@CanopyTest
@RecordApplicationEvents
class EveryStateChangeIsPublished {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDealRegisteredIsPublishedAndCountsAsThePartnersActivity() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        DealFixtures deals = new DealFixtures(context);
        ProgramView program = deals.program(tenant);
        DealFixtures.Member member = deals.member(tenant, program);
        clock.advance(Duration.ofDays(3));

        DealView deal = deals.register(member, program, "Initech", "initech.com");

        assertThat(events.stream(DealRegistered.class)).singleElement().satisfies(e -> {
            assertThat(e.dealId().value()).isEqualTo(deal.id());
            assertThat(e.partner()).isEqualTo(member.id());
            assertThat(e.registrableDomain()).isEqualTo("initech.com");
            assertThat(e.amount()).isEqualTo(Money.of("25000", "EUR"));
        });
        PartnerView partner = fixtures.as(
                tenant.owner(), () -> context.getBean(Partners.class).get(member.id()));
        assertThat(partner.lastActivityAt())
                .as("recorded by listening")
                .isEqualTo(events.stream(DealRegistered.class)
                        .findFirst()
                        .orElseThrow()
                        .at());
    }

    @Test
    void anAnnouncementReachingItsSegmentIsPublishedOnce() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        dev.canopy.communications.CommunicationsFixtures f =
                new dev.canopy.communications.CommunicationsFixtures(context);
        DealFixtures.Member apac = f.partnerIn(tenant, "APAC");
        f.partnerIn(tenant, "EMEA");

        dev.canopy.communications.AnnouncementView sent =
                f.published(tenant, dev.canopy.communications.CommunicationsFixtures.toRegion("APAC news", "APAC"));

        assertThat(events.stream(dev.canopy.communications.AnnouncementPublished.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.announcement()).isEqualTo(sent.id());
                    assertThat(e.partners()).containsExactly(apac.id());
                    assertThat(e.workspace()).isEqualTo(tenant.id());
                });
    }

    @Test
    void aLinkMadeIsPublished() {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();

        assertThat(events.stream(LinkCreated.class)).singleElement().satisfies(e -> {
            assertThat(e.link()).isEqualTo(setup.link().id());
            assertThat(e.partner()).isEqualTo(setup.partner());
            assertThat(e.slug()).isEqualTo(setup.link().slug());
        });
    }

    @Test
    void aCommissionEarnedMovedGivenBackAndPaidIsPublishedAtEachStep() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        CommissionFixtures f = new CommissionFixtures(context);
        ProgramView program = f.referralProgram(tenant, "USD", 30);
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        PayoutFixtures payouts = new PayoutFixtures(context);
        DealFixtures.Member partner = payouts.bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        UUID customer = UUID.randomUUID();
        UUID sale = f.sale(tenant, program, partner.id(), customer, "1000.00", "USD", true);

        CommissionEarned earned =
                events.stream(CommissionEarned.class).findFirst().orElseThrow();
        assertThat(earned.kind()).isEqualTo(CommissionKind.EARNED);
        assertThat(earned.status()).isEqualTo(CommissionStatus.PENDING);
        assertThat(earned.amount()).isEqualTo(Money.of("100.00", "USD"));

        fixtures.as(
                tenant.owner(),
                () -> context.getBean(dev.canopy.commissions.CommissionReview.class)
                        .approve(java.util.List.of(earned.commission().value()), "Checked"));
        assertThat(events.stream(CommissionMoved.class)).singleElement().satisfies(m -> {
            assertThat(m.commission()).isEqualTo(earned.commission());
            assertThat(m.to()).isEqualTo(CommissionStatus.APPROVED);
            assertThat(m.reason()).isEqualTo("Checked");
        });

        PayoutRunView run = payouts.paidRun(tenant);
        assertThat(events.stream(PayoutRunMoved.class).map(PayoutRunMoved::status))
                .containsExactly(
                        PayoutRunStatus.AWAITING_APPROVAL,
                        PayoutRunStatus.APPROVED,
                        PayoutRunStatus.EXPORTED,
                        PayoutRunStatus.PAID);
        assertThat(events.stream(PayoutLinePaid.class)).singleElement().satisfies(l -> {
            assertThat(l.run().value()).isEqualTo(run.id());
            assertThat(l.partner()).isEqualTo(partner.id());
            assertThat(l.paid()).isEqualTo(Money.of("100.00", "USD"));
        });

        f.refund(tenant, program, partner.id(), customer, sale, "400.00", "USD");
        assertThat(events.stream(CommissionEarned.class).filter(e -> e.kind() == CommissionKind.CLAWBACK))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.reverses()).isEqualTo(earned.commission());
                    assertThat(c.amount()).isEqualTo(Money.of("-40.00", "USD"));
                });
    }

    @Test
    void anApplicationSubmittedAndDecidedIsPublished() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new ProgramFixtures(context)
                .program(tenant, "Referrals " + Fixtures.unique("r"), dev.canopy.partners.PartnerType.REFERRAL);

        mvc.perform(ProgramFixtures.application(tenant, program, "Hooli", "gavin@hooli.example", "hooli.example"));
        ApplicationSubmitted submitted =
                events.stream(ApplicationSubmitted.class).findFirst().orElseThrow();
        assertThat(submitted.program()).isEqualTo(program.id());
        assertThat(submitted.email()).isEqualTo("gavin@hooli.example");

        fixtures.as(tenant.owner(), () -> context.getBean(Recruitment.class).approve(submitted.application()));
        assertThat(events.stream(ApplicationDecided.class)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(ApplicationStatus.APPROVED);
            assertThat(d.partner()).isNotNull();
        });
    }
}
