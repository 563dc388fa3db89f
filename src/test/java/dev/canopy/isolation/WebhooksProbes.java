package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.testing.Fixtures;
import dev.canopy.webhooks.WebhookEndpoints;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Webhooks: B's endpoint, its secret and delivery log, never read, changed, replayed or tested by A. */
class WebhooksProbes implements ModuleProbes {

    private final ApplicationContext context;
    private UUID endpoint;
    private long delivery;
    private String description;

    WebhooksProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        description = "Victim's CRM sync " + Fixtures.unique("w");
        WebhookEndpoints webhooks = context.getBean(WebhookEndpoints.class);
        endpoint = context.getBean(Fixtures.class)
                .as(
                        victim.owner(),
                        () -> webhooks.create(new WebhookEndpoints.EndpointInput(
                                "https://hooks.victim.example/canopy", description, List.of())))
                .endpoint()
                .id();
        context.getBean(Fixtures.class).as(victim.owner(), () -> webhooks.sendTest(endpoint));
        delivery = context.getBean(JdbcClient.class)
                .sql("select id from webhooks_delivery where endpoint_id = ?")
                .param(endpoint)
                .query(Long.class)
                .single();
    }

    @Override
    public List<Probe> probes() {
        String api = "/api/v1/webhook-endpoints/" + endpoint;
        String body = "{\"url\":\"https://hooks.attacker.example/\",\"description\":\"Hijacked\"}";
        String app = "/app/webhooks/" + endpoint;
        return List.of(
                new Probe("/app/webhooks/{id}", get(app)),
                new Probe(
                        "/app/webhooks/{id}",
                        post(app)
                                .param("url", "https://hooks.attacker.example/")
                                .param("description", "Hijacked")),
                new Probe("/app/webhooks/{id}/secret", post(app + "/secret")),
                new Probe("/app/webhooks/{id}/rotate-secret", post(app + "/rotate-secret")),
                new Probe("/app/webhooks/{id}/test", post(app + "/test")),
                new Probe("/app/webhooks/{id}/disable", post(app + "/disable")),
                new Probe("/app/webhooks/{id}/enable", post(app + "/enable")),
                new Probe("/app/webhooks/{id}/delete", post(app + "/delete")),
                new Probe(
                        "/app/webhooks/{id}/replay-failed",
                        post(app + "/replay-failed").param("hours", "2160")),
                new Probe(
                        "/app/webhooks/{id}/deliveries/{delivery}/replay",
                        post(app + "/deliveries/" + delivery + "/replay")),
                new Probe("/api/v1/webhook-endpoints/{id}", get(api)),
                new Probe("/api/v1/webhook-endpoints/{id}", json(put(api), body)),
                new Probe("/api/v1/webhook-endpoints/{id}", delete(api)),
                new Probe("/api/v1/webhook-endpoints/{id}/disable", post(api + "/disable")),
                new Probe("/api/v1/webhook-endpoints/{id}/enable", post(api + "/enable")),
                new Probe("/api/v1/webhook-endpoints/{id}/secret", get(api + "/secret")),
                new Probe("/api/v1/webhook-endpoints/{id}/rotate-secret", post(api + "/rotate-secret")),
                new Probe("/api/v1/webhook-endpoints/{id}/test", post(api + "/test")),
                new Probe("/api/v1/webhook-endpoints/{id}/deliveries", get(api + "/deliveries")),
                new Probe(
                        "/api/v1/webhook-endpoints/{id}/replay-failed",
                        json(
                                post(api + "/replay-failed"),
                                "{\"from\":\"2000-01-01T00:00:00Z\",\"to\":\"2100-01-01T00:00:00Z\"}")),
                new Probe(
                        "/api/v1/webhook-deliveries/{id}/replay",
                        post("/api/v1/webhook-deliveries/" + delivery + "/replay")));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Override
    public List<String> secrets() {
        return List.of(description, "hooks.victim.example");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/webhooks"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/webhook-endpoints");
    }
}
