package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.deals.DealFixtures;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The portal's settings page saves a choice per kind in one form, and an unknown delivery changes nothing. */
@CanopyTest
class PartnerUsersChooseHowTheyHear {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    MockMvc mvc;

    @Test
    void oneFormSavesEveryKindAndABadValueSavesNone() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        DealFixtures.Member member = new CommunicationsFixtures(context).partnerIn(tenant, "EMEA");
        UUID user = new CommunicationsFixtures(context).userId(member.email());
        DealFixtures deals = new DealFixtures(context);

        MvcResult saved = mvc.perform(post("/portal/notifications/settings")
                        .param("DEALS", "IN_APP")
                        .param("ANNOUNCEMENTS", "DAILY_DIGEST")
                        .with(deals.portal(member))
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/portal/notifications/settings");
        assertThat(saved.getFlashMap().get("flash")).isEqualTo("Your notification settings are saved.");
        assertThat(preferences.choices(tenant.id(), user))
                .containsEntry(NotificationKind.DEALS, Delivery.IN_APP)
                .containsEntry(NotificationKind.ANNOUNCEMENTS, Delivery.DAILY_DIGEST)
                .containsEntry(NotificationKind.PAYOUTS, Delivery.EMAIL);

        int refused = mvc.perform(post("/portal/notifications/settings")
                        .param("DEALS", "EMAIL")
                        .param("PAYOUTS", "CARRIER_PIGEON")
                        .with(deals.portal(member))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(refused).isEqualTo(400);
        assertThat(preferences.choices(tenant.id(), user)).containsEntry(NotificationKind.DEALS, Delivery.IN_APP);

        String page = mvc.perform(get("/portal/notifications/settings").with(deals.portal(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("data-testid=\"DEALS-IN_APP\"\\s+checked");
        assertThat(mvc.perform(get("/portal/notifications").with(deals.portal(member)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-testid=\"no-notifications\"");
    }
}
