package dev.canopy.deals;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.canopy.deals.internal.ProtectionExpiry;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** Approval protects for the programme's period; partners extend it as the programme allows; it then expires. */
@CanopyTest
@RecordApplicationEvents
class ProtectionExpiresAndExtendsOnSchedule {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    DealOutcomes outcomes;

    @Autowired
    DealRules rules;

    @Autowired
    ProtectionExpiry expiry;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;
    DealFixtures.Member rival;

    @BeforeEach
    void aProgrammeProtectingThirtyDaysExtendableOnceByTen() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        partner = f.member(tenant, program);
        rival = f.member(tenant, program);
        f.asStaff(tenant, () -> rules.setProgramRules(program.id(), "30", "10", "ONCE"));
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void approvalProtectsForTheProgrammesPeriodThenItExpires() throws Exception {
        DealView deal = f.register(partner, program, "Stark Industries", "stark.com");
        DealView approved = f.asStaff(tenant, () -> deals.approve(deal.id()));

        assertThat(Duration.between(approved.decidedAt(), approved.protectedUntil()))
                .isEqualTo(Duration.ofDays(30));
        assertThat(events.stream(DealRegistrationApproved.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.dealId().value()).isEqualTo(deal.id());
                    assertThat(e.registrableDomain()).isEqualTo("stark.com");
                    assertThat(e.protectedUntil()).isEqualTo(approved.protectedUntil());
                });

        clock.advance(Duration.ofDays(29));
        assertThat(expiry.runNow()).extracting(DealView::id).doesNotContain(deal.id());
        assertThat(f.asStaff(tenant, () -> deals.get(deal.id())).status()).isEqualTo(DealStatus.APPROVED);
        assertThat(f.asPartner(partner, () -> deals.countByStatus(null))).isEqualTo(Map.of(DealStatus.APPROVED, 1L));

        clock.advance(Duration.ofDays(2));
        // Counted as read: the ended protection is expired on the portal's home before the job records it.
        assertThat(f.asPartner(partner, () -> deals.countByStatus(null))).isEqualTo(Map.of(DealStatus.EXPIRED, 1L));
        // Reads never write: the page shows the lapsed protection as expired, and nothing is recorded yet.
        mvc.perform(get("/portal/deals/" + deal.id()).with(f.portal(partner)))
                .andExpect(content().string(Matchers.containsString("Protection expired")));
        assertThat(f.asStaff(tenant, () -> deals.get(deal.id())).status()).isEqualTo(DealStatus.EXPIRED);
        assertThat(events.stream(DealRegistrationEnded.class)).isEmpty();

        // The scheduled job records it, once — called as the scheduler calls it, through the bean.
        ReflectionTestUtils.invokeMethod(expiry, "scheduled");
        assertThat(events.stream(DealRegistrationEnded.class)
                        .filter(e -> e.dealId().value().equals(deal.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(DealStatus.EXPIRED));
        assertThat(expiry.runNow())
                .as("expired once only")
                .extracting(DealView::id)
                .doesNotContain(deal.id());
    }

    @Test
    void anotherPartnerCannotBeApprovedForTheAccountUntilTheProtectionEnds() {
        DealView first = f.register(partner, program, "Stark Industries", "stark.com");
        f.asStaff(tenant, () -> deals.approve(first.id()));
        DealView second = f.register(rival, program, "Stark Industries Ltd", "www.stark.com");

        assertThatThrownBy(() -> f.asStaff(tenant, () -> deals.approve(second.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("protects stark.com");

        clock.advance(Duration.ofDays(31));
        expiry.runNow();
        assertThat(f.asStaff(tenant, () -> deals.approve(second.id())).status()).isEqualTo(DealStatus.APPROVED);
    }

    @Test
    void thePartnerExtendsOnceWhenTheProgrammeSaysOnce() throws Exception {
        DealView deal = f.register(partner, program, "Oscorp", "oscorp.com");
        DealView approved = f.asStaff(tenant, () -> deals.approve(deal.id()));

        mvc.perform(post("/portal/deals/" + deal.id() + "/extension")
                .with(f.portal(partner))
                .with(csrf()));
        DealView extended = f.asStaff(tenant, () -> deals.get(deal.id()));
        assertThat(extended.protectedUntil())
                .isEqualTo(approved.protectedUntil().plus(Duration.ofDays(10)));
        assertThat(extended.extensionsUsed()).isEqualTo(1);

        assertThatThrownBy(() -> f.asPartner(partner, () -> deals.extend(deal.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("once");

        clock.advance(Duration.ofDays(35));
        assertThat(expiry.runNow()).extracting(DealView::id).doesNotContain(deal.id());
        clock.advance(Duration.ofDays(6));
        assertThat(expiry.runNow()).extracting(DealView::id).contains(deal.id());
    }

    @Test
    void unlimitedExtensionsAndNone() {
        f.asStaff(tenant, () -> rules.setProgramRules(program.id(), "30", "10", "UNLIMITED"));
        DealView deal = f.register(partner, program, "Cyberdyne", "cyberdyne.com");
        DealView approved = f.asStaff(tenant, () -> deals.approve(deal.id()));
        for (int i = 0; i < 3; i++) {
            f.asPartner(partner, () -> deals.extend(deal.id()));
        }
        assertThat(f.asStaff(tenant, () -> deals.get(deal.id())).protectedUntil())
                .isEqualTo(approved.protectedUntil().plus(Duration.ofDays(30)));

        f.asStaff(tenant, () -> rules.setProgramRules(program.id(), "30", "10", "NONE"));
        assertThatThrownBy(() -> f.asPartner(partner, () -> deals.extend(deal.id())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aLapsedProtectionCannotBeExtendedOrWonEvenBeforeTheJobRuns() {
        DealView deal = f.register(partner, program, "Weyland-Yutani", "weyland-yutani.com");
        f.asStaff(tenant, () -> deals.approve(deal.id()));

        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> f.asPartner(partner, () -> deals.extend(deal.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ended");
        assertThatThrownBy(() -> f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "", "")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aPartnerCannotExtendAnotherPartnersDeal() {
        DealView deal = f.register(partner, program, "Tyrell", "tyrell.com");
        f.asStaff(tenant, () -> deals.approve(deal.id()));

        assertThatThrownBy(() -> f.asPartner(rival, () -> deals.extend(deal.id())))
                .isInstanceOf(dev.canopy.shared.NotFoundException.class);
    }

    @Test
    void aRegistrationWaitingBeyondTheReviewClockStandsOut() throws Exception {
        DealView deal = f.register(partner, program, "Nakatomi Trading", "nakatomi.co.jp");

        mvc.perform(get("/app/deals").with(signedIn(tenant.owner())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"overdue\""))));
        // One business day is at most four calendar days away (Saturday → Tuesday 00:00).
        clock.advance(Duration.ofDays(5));
        assertThat(f.asStaff(tenant, () -> deals.get(deal.id())).overdue(clock.instant()))
                .isTrue();
        mvc.perform(get("/app/deals").with(signedIn(tenant.owner())))
                .andExpect(content().string(Matchers.containsString("data-testid=\"overdue\"")));
    }
}
