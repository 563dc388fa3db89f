package dev.canopy.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.deals.DealFixtures;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickIds;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PartnerHomeShowsWhereItStands {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ClickTable clicks;

    @Autowired
    Clock clock;

    @Test
    void theHomeSumsUpProgrammesLinksDealsAndLeads() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        DealFixtures deals = new DealFixtures(context);
        DealFixtures.Member member = deals.member(setup.tenant(), setup.program());
        tracking.link(setup.tenant(), member.id(), setup.program(), "https://shop.example/");
        deals.register(member, setup.program(), "Initech", "initech-" + System.nanoTime() + ".com");

        String html = mvc.perform(get("/portal").with(deals.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");

        assertThat(text)
                .contains(setup.program().name())
                .contains("0 clicks 0 leads 0 paying customers")
                .contains("1 waiting for review 0 protected 0 won")
                .contains("0 waiting for your answer");
        assertThat(html).contains("/r/" + setup.tenant().slug() + "/");
    }

    @Test
    void theHomeShowsItsOwnLast30DaysItsRankBandAndItsEarnings() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        CommissionFixtures commissions = new CommissionFixtures(context);
        ProgramView referral = commissions.referralProgram(setup.tenant(), "USD", 30);
        DealFixtures.Member member = commissions.member(setup.tenant(), referral);
        LinkView link = tracking.link(setup.tenant(), member.id(), referral, "https://shop.example/");
        // Two clicks of its own; five of the other partner's, which its home never adds to its own.
        clicks.insert(List.of(
                click(setup, referral, link.id().value(), member.id()),
                click(setup, referral, link.id().value(), member.id())));
        List<Click> theirs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            theirs.add(click(setup, setup.program(), setup.link().id().value(), setup.partner()));
        }
        clicks.insert(theirs);
        commissions.rule(setup.tenant(), referral, CommissionFixtures.recurring("10"));
        commissions.sale(setup.tenant(), referral, member.id(), UUID.randomUUID(), "250.00", "USD", true);

        String html = mvc.perform(get("/portal").with(new DealFixtures(context).portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("data-testid=\"home-clicks\">2<")
                .contains("data-testid=\"home-rank\">Bottom half<")
                .contains("among 2 partners with activity, by revenue")
                .contains("data-testid=\"home-chart\"");
        String earnings = html.substring(html.indexOf("data-testid=\"earnings-pending\""));
        assertThat(earnings.substring(0, earnings.indexOf("</dd>"))).contains("25.00 USD");
    }

    private Click click(TrackingFixtures.Setup setup, ProgramView program, UUID link, PartnerId partner) {
        Instant at = clock.instant();
        return new Click(
                ClickIds.next(at.toEpochMilli()),
                setup.tenant().id(),
                link,
                partner.value(),
                program.id().value(),
                at,
                "visitor-" + UUID.randomUUID(),
                null,
                "Mozilla/5.0",
                null,
                null);
    }
}
