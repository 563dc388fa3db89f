package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One policy over every signal: a partner's approved deal registration for the customer's domain wins
 * over another partner's click, and the conversion is published for the commission engine.
 */
@CanopyTest
@RecordApplicationEvents
class ApprovedDealRegistrationOutranksClicksAndCoupons {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEvents events;

    @Test
    void theRegisteringPartnerGetsTheCustomerAndTheClickIsNotedAsOutranked() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        DealFixtures dealFixtures = new DealFixtures(context);
        DealFixtures.Member reseller = dealFixtures.member(setup.tenant(), setup.program());
        String domain = Fixtures.unique("globex").toLowerCase(java.util.Locale.ROOT) + ".co.uk";
        DealView deal = dealFixtures.register(reseller, setup.program(), "Globex", "https://www." + domain);
        dealFixtures.asStaff(setup.tenant(), () -> context.getBean(Deals.class).approve(deal.id()));
        UUID click = tracking.click(mvc, setup);

        send(setup, "lead", """
                        {"id":"g-1","email":"buyer@shop.%s","clickId":"%s"}""".formatted(domain, click))
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"))
                .andExpect(jsonPath("$.signal").value("DEAL"))
                .andExpect(jsonPath("$.dealId").value(deal.id().toString()))
                .andExpect(jsonPath("$.partnerId").value(reseller.id().value().toString()))
                .andExpect(jsonPath("$.explanation")
                        .value("Attributed by approved deal registration (it outranks 1 other partner signal)"));
        send(setup, "sale", """
                        {"id":"g-2","email":"buyer@shop.%s","invoiceId":"g-inv","amount":"1200000","currency":"INR"}""".formatted(domain))
                .andExpect(jsonPath("$.partnerId").value(reseller.id().value().toString()));

        assertThat(events.stream(ConversionAttributed.class)
                        .filter(e -> e.workspace().equals(setup.tenant().id())))
                .extracting(ConversionAttributed::kind, e -> e.partner().value(), ConversionAttributed::signal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ConversionKind.LEAD, reseller.id().value(), AttributionSignal.DEAL),
                        org.assertj.core.groups.Tuple.tuple(
                                ConversionKind.SALE, reseller.id().value(), AttributionSignal.DEAL));
        assertThat(events.stream(ConversionAttributed.class)
                        .filter(e -> e.kind() == ConversionKind.SALE)
                        .filter(e -> e.workspace().equals(setup.tenant().id()))
                        .findFirst()
                        .orElseThrow()
                        .amount())
                .isEqualTo(dev.canopy.shared.Money.of("1200000.00", "INR"));
    }

    private ResultActions send(TrackingFixtures.Setup setup, String kind, String body) throws Exception {
        return mvc.perform(post("/api/v1/events/" + kind)
                .header("Authorization", "Bearer " + setup.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
