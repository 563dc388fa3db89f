package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.deals.internal.LeadExpiry;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leads go to partners by hand or by routing rules (weights decide the share); a partner accepts or
 * declines with a reason within the lead clock, and a declined or expired lead goes to the next partner.
 */
@CanopyTest
class LeadsGoToTheNextPartner {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Leads leads;

    @Autowired
    LeadRoutingRules routing;

    @Autowired
    LeadExpiry expiry;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member first;
    DealFixtures.Member second;

    @BeforeEach
    void twoActivePartnersInEmea() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        first = f.member(tenant, program);
        second = f.member(tenant, program);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private LeadView lead(String partnerId) {
        return f.asStaff(
                tenant,
                () -> leads.create(new NewLead(
                        "Duff Beverages", "duff.com", "Homer", "homer@duff.com", "EMEA", "Wants 40 seats", partnerId)));
    }

    @Test
    void aLeadPassedByHandIsAcceptedAndThenShowsItsContact() throws Exception {
        LeadView lead = lead(first.id().toString());
        assertThat(lead.status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(lead.partnerId()).isEqualTo(first.id());

        String before = mvc.perform(get("/portal/leads").with(f.portal(first)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).contains("Duff Beverages").doesNotContain("homer@duff.com");
        assertThat(mvc.perform(get("/portal/leads").with(f.portal(second)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Duff Beverages");

        mvc.perform(post("/portal/leads/" + lead.id() + "/accept")
                .with(f.portal(first))
                .with(csrf()));

        assertThat(f.asStaff(tenant, () -> leads.get(lead.id())).status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(mvc.perform(get("/portal/leads").with(f.portal(first)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("homer@duff.com");
        assertThatThrownBy(() -> f.asPartner(second, () -> leads.accept(lead.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeclinedLeadGoesToTheNextPartnerOfTheRule() {
        f.asStaff(tenant, () -> routing.addRule(new NewRoutingRule("EMEA resellers", "EMEA", "RESELLER", "")));
        LeadView lead = lead("");
        DealFixtures.Member offered = lead.partnerId().equals(first.id()) ? first : second;
        DealFixtures.Member other = offered == first ? second : first;

        assertThatThrownBy(() -> f.asPartner(offered, () -> {
                    leads.decline(lead.id(), "");
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class);
        f.asPartner(offered, () -> {
            leads.decline(lead.id(), "We do not serve breweries");
            return null;
        });

        LeadView moved = f.asStaff(tenant, () -> leads.get(lead.id()));
        assertThat(moved.partnerId()).isEqualTo(other.id());
        assertThat(moved.offers())
                .extracting(LeadOffer::outcome)
                .containsExactly(LeadOffer.Outcome.DECLINED, LeadOffer.Outcome.PENDING);
        assertThat(moved.offers().getFirst().reason()).isEqualTo("We do not serve breweries");

        f.asPartner(other, () -> {
            leads.decline(lead.id(), "Too busy");
            return null;
        });
        assertThat(f.asStaff(tenant, () -> leads.get(lead.id())).status())
                .as("nobody is left")
                .isEqualTo(LeadStatus.UNASSIGNED);
    }

    @Test
    void anUnansweredLeadExpiresAfterTheClockAndMovesOn() {
        f.asStaff(tenant, () -> routing.addRule(new NewRoutingRule("Everyone", "", "", "")));
        LeadView lead = lead("");

        clock.advance(Duration.ofDays(1));
        expiry.runNow();
        assertThat(f.asStaff(tenant, () -> leads.get(lead.id())).partnerId()).isEqualTo(lead.partnerId());

        // Two business days are at most four calendar days away.
        clock.advance(Duration.ofDays(4));
        // As the scheduler calls it, through the bean.
        ReflectionTestUtils.invokeMethod(expiry, "scheduled");
        LeadView moved = f.asStaff(tenant, () -> leads.get(lead.id()));
        assertThat(moved.partnerId()).isNotEqualTo(lead.partnerId());
        assertThat(moved.offers().getFirst().outcome()).isEqualTo(LeadOffer.Outcome.EXPIRED);
        assertThatThrownBy(() -> f.asPartner(
                        lead.partnerId().equals(first.id()) ? first : second, () -> leads.accept(lead.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void weightsShareTheLeadsOfARule() {
        var rule = f.asStaff(tenant, () -> routing.addRule(new NewRoutingRule("Weighted", "EMEA", "", "")));
        f.asStaff(tenant, () -> routing.setWeight(rule.id(), first.id().toString(), "3"));

        List<LeadView> created =
                java.util.stream.IntStream.range(0, 8).mapToObj(i -> lead("")).toList();

        assertThat(created.stream()
                        .filter(l -> l.partnerId().equals(first.id()))
                        .count())
                .isEqualTo(6);
        assertThat(created.stream()
                        .filter(l -> l.partnerId().equals(second.id()))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aRuleForATierOffersLeadsOnlyToPartnersAtThatTier() {
        ProgramFixtures programs = new ProgramFixtures(context);
        programs.tier(tenant, program.id(), "Registered", Map.of());
        programs.tier(tenant, program.id(), "Gold", Map.of(TierMetric.DEALS_WON, "3"));
        programs.deals(tenant, second.id(), 3);
        f.asStaff(tenant, () -> context.getBean(Tiers.class).evaluate(program.id()));
        PartnerTiers.Tier gold = f.asStaff(tenant, () -> routing.tiers()).stream()
                .filter(t -> t.label().endsWith("Gold"))
                .findFirst()
                .orElseThrow();
        f.asStaff(tenant, () -> routing.addRule(new NewRoutingRule("Gold only", "", "", gold.id())));

        for (int i = 0; i < 3; i++) {
            assertThat(lead("").partnerId()).isEqualTo(second.id());
        }
    }

    @Test
    void aLeadWithNoMatchingRuleWaitsUnassignedAndAnsweringTwiceIsRefused() {
        f.asStaff(tenant, () -> routing.addRule(new NewRoutingRule("APAC only", "APAC", "", "")));
        assertThat(lead("").status()).isEqualTo(LeadStatus.UNASSIGNED);

        LeadView byHand = lead(second.id().toString());
        f.asPartner(second, () -> leads.accept(byHand.id()));
        assertThatThrownBy(() -> f.asPartner(second, () -> leads.accept(byHand.id())))
                .isInstanceOf(ConflictException.class);
    }
}
