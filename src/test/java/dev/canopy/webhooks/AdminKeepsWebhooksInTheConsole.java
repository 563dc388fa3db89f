package dev.canopy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.webhooks.internal.Dispatcher;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Settings → Webhooks through the console's forms: a refused URL is named beside its field and nothing is stored;
 * an endpoint is added (its secret shown once, then on demand), sent a test event and its delivery listed; roles
 * without the permission see no menu entry and get 403.
 */
@CanopyTest
class AdminKeepsWebhooksInTheConsole {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    WebhookEndpoints webhooks;

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void anEndpointIsAddedTestedAndItsDeliveryListed() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();

        String refused = mvc.perform(post("/app/webhooks")
                        .param("url", "http://169.254.169.254/latest/meta-data/")
                        .param("description", "Metadata")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("is-invalid").contains("Webhooks cannot go to a link-local address");
        assertThat(fixtures.count("webhooks_endpoint", tenant.id())).isZero();

        String added = mvc.perform(post("/app/webhooks")
                        .param("url", receiver.url())
                        .param("description", "CRM sync")
                        .param("eventTypes", "tier.changed", "link.created")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(added).contains("Endpoint added").containsPattern("whsec_[A-Za-z0-9+/=]{32}");
        String id = fixtures.as(
                tenant.owner(), () -> webhooks.list().getFirst().id().toString());

        mvc.perform(post("/app/webhooks/" + id + "/test")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        while (dispatcher.deliverDue() > 0) {
            // until nothing is due
        }
        String page = mvc.perform(get("/app/webhooks/" + id).with(Fixtures.signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(receiver.received()).hasSize(1);
        assertThat(page).contains("webhook.test").contains(">delivered<").contains(">204<");
        assertThat(mvc.perform(get("/app/webhooks").with(Fixtures.signedIn(tenant.owner())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(receiver.url())
                .contains("tier.changed, link.created")
                .contains("Healthy");
    }

    @Test
    void aDeliveryIsReplayedOnlyFromItsOwnEndpointsPage() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String[] ids = fixtures.as(tenant.owner(), () -> {
            String first = webhooks.create(new WebhookEndpoints.EndpointInput(receiver.url(), "CRM", List.of()))
                    .endpoint()
                    .id()
                    .toString();
            String second = webhooks.create(new WebhookEndpoints.EndpointInput(receiver.url(), "BI", List.of()))
                    .endpoint()
                    .id()
                    .toString();
            webhooks.sendTest(UUID.fromString(first));
            return new String[] {first, second};
        });
        while (dispatcher.deliverDue() > 0) {
            // until nothing is due
        }
        long delivery = fixtures.as(
                tenant.owner(),
                () -> webhooks.deliveries(UUID.fromString(ids[0]), null, 10)
                        .getFirst()
                        .id());

        mvc.perform(post("/app/webhooks/" + ids[1] + "/deliveries/" + delivery + "/replay")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/app/webhooks/" + ids[0] + "/deliveries/" + delivery + "/replay")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        while (dispatcher.deliverDue() > 0) {
            // until nothing is due
        }

        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aPartnerManagerHasNoWebhooks() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        var manager = fixtures.member(tenant, Role.PARTNER_MANAGER);

        mvc.perform(get("/app/webhooks").with(Fixtures.signedIn(manager))).andExpect(status().isForbidden());
        String overview = mvc.perform(get("/app").with(Fixtures.signedIn(manager)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(overview).doesNotContain("nav-webhooks");
        assertThat(mvc.perform(get("/app").with(Fixtures.signedIn(tenant.owner())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("nav-webhooks");
    }
}
