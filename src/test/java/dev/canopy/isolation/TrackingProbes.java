package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.Customers;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.TrackingSettings;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Tracking: B's links, customers, Stripe secrets, coupons and programme attribution, through the
 * console, the portal and the API; and B's events never listed for A.
 */
class TrackingProbes implements ModuleProbes {

    private final ApplicationContext context;
    private final Fixtures fixtures;
    private TrackingFixtures.Setup b;
    private UUID customer;
    private UUID secret;
    private String coupon;

    TrackingProbes(ApplicationContext context) {
        this.context = context;
        this.fixtures = context.getBean(Fixtures.class);
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        TrackingFixtures tracking = new TrackingFixtures(context);
        b = tracking.setupIn(victim);
        TrackingSettings settings = context.getBean(TrackingSettings.class);
        secret = fixtures.as(victim.owner(), () -> settings.addStripeSecret("whsec_" + "b".repeat(32)))
                .id();
        coupon = "BSECRET" + Fixtures.unique("c").substring(2, 8).toUpperCase(java.util.Locale.ROOT);
        fixtures.as(
                victim.owner(),
                () -> settings.addCoupon(
                        coupon,
                        b.partner().value().toString(),
                        b.program().id().value().toString()));
        try {
            UUID click = tracking.click(context.getBean(MockMvc.class), b);
            String key = fixtures.apiKey(victim, ApiKeyScope.READ_WRITE);
            context.getBean(MockMvc.class)
                    .perform(post("/api/v1/events/lead")
                            .header("Authorization", "Bearer " + key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"id\":\"b-lead\",\"email\":\"secret-buyer@b-customer.example\",\"clickId\":\""
                                    + click + "\"}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        customer = fixtures.as(
                victim.owner(),
                () -> context.getBean(Customers.class)
                        .list(null, null, null, Customers.PAGE)
                        .customers()
                        .getFirst()
                        .id());
    }

    @Override
    public List<Probe> probes() {
        String link = "/app/links/" + b.link().id();
        String api = "/api/v1/links/" + b.link().id();
        String draft = "{\"slug\":\"hijacked\",\"destination\":\"https://shop.example/\"}";
        return List.of(
                new Probe("/app/links/{id}", get(link)),
                new Probe(
                        "/app/links/{id}",
                        post(link).param("slug", "hijacked").param("destination", "https://x.example/")),
                new Probe("/app/links/{id}/disable", post(link + "/disable")),
                new Probe("/app/links/{id}/enable", post(link + "/enable")),
                new Probe("/app/links/{id}/qr.png", get(link + "/qr.png")),
                new Probe("/app/links/{id}/qr.svg", get(link + "/qr.svg")),
                new Probe(
                        "/portal/links/{id}/qr.png",
                        get("/portal/links/" + b.link().id() + "/qr.png")),
                new Probe(
                        "/portal/links/{id}/qr.svg",
                        get("/portal/links/" + b.link().id() + "/qr.svg")),
                new Probe("/app/customers/{id}", get("/app/customers/" + customer)),
                new Probe(
                        "/app/integration/stripe-secrets/{id}/revoke",
                        post("/app/integration/stripe-secrets/" + secret + "/revoke")),
                new Probe(
                        "/app/integration/attribution/{program}",
                        post("/app/integration/attribution/" + b.program().id())
                                .param("model", "FIRST_CLICK")
                                .param("allowTakeover", "true")),
                new Probe(
                        "/app/integration/coupons/{code}/disable",
                        post("/app/integration/coupons/" + coupon + "/disable")),
                new Probe("/api/v1/links/{id}", get(api)),
                new Probe(
                        "/api/v1/links/{id}",
                        put(api).contentType(MediaType.APPLICATION_JSON).content(draft)),
                new Probe(
                        "/api/v1/links/{id}/disabled",
                        post(api + "/disabled")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"disabled\":true}")),
                new Probe("/api/v1/customers/{id}", get("/api/v1/customers/" + customer)));
    }

    @Override
    public List<String> secrets() {
        return List.of(b.link().slug(), "secret-buyer@b-customer.example", coupon, "b-lead");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/links"), get("/app/customers"), get("/app/events"), get("/app/integration"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/links", "/api/v1/customers");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/links"));
    }
}
