package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.landingpages.LandingPages;
import dev.canopy.landingpages.LandingPagesFixtures;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Landing pages: B's template and B's partner's live page are never read, changed, published or withdrawn by A's
 * staff or key, never listed on A's pages, and not found (nor sent a lead, nor their logo served) at A's public
 * address.
 */
class LandingPagesProbes implements ModuleProbes {

    private static final String SECRET_TEXT = "Victim landing page words";

    private final ApplicationContext context;
    private LandingPagesFixtures victim;
    private LandingPagesFixtures.Live page;
    private String attackerSlug;

    LandingPagesProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        victim = new LandingPagesFixtures(context, b);
        page = victim.live(SECRET_TEXT);
        byte[] logo = LandingPagesFixtures.png(40, 20);
        victim.asPartner(
                page.member(), () -> context.getBean(LandingPages.class).uploadLogo(logo));
        attackerSlug = a.tenant().slug();
    }

    @Override
    public List<Probe> probes() {
        String template = victim.template.id().toString();
        String partner = page.member().id().value().toString();
        String publicPage = "/p/" + attackerSlug + "/" + page.page().slug();
        return List.of(
                new Probe("/api/v1/landing-pages/templates/{id}", get("/api/v1/landing-pages/templates/" + template)),
                new Probe(
                        "/api/v1/landing-pages/templates/{id}",
                        put("/api/v1/landing-pages/templates/" + template)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Taken\",\"headline\":\"Taken\",\"ctaLabel\":\"Go\","
                                        + "\"published\":false}")),
                new Probe("/api/v1/landing-pages/pages/{id}", get("/api/v1/landing-pages/pages/" + partner)),
                new Probe("/app/landing-pages/{id}", get("/app/landing-pages/" + template)),
                new Probe(
                        "/app/landing-pages/{id}",
                        post("/app/landing-pages/" + template)
                                .param("name", "Taken")
                                .param("headline", "Taken")
                                .param("sections", "")
                                .param("ctaLabel", "Go")),
                new Probe("/app/landing-pages/{id}/publish", post("/app/landing-pages/" + template + "/publish")),
                new Probe("/app/landing-pages/{id}/unpublish", post("/app/landing-pages/" + template + "/unpublish")),
                // B's page at A's public address: its slug names nobody there.
                new Probe("/p/{workspaceSlug}/{pageSlug}", get(publicPage)),
                new Probe("/p/{workspaceSlug}/{pageSlug}/logo", get(publicPage + "/logo")),
                new Probe(
                        "/p/{workspaceSlug}/{pageSlug}/leads",
                        post(publicPage + "/leads")
                                .param("token", UUID.randomUUID().toString())
                                .param("name", "Ann")
                                .param("email", "ann@initech.example")));
    }

    @Override
    public List<String> secrets() {
        return List.of(SECRET_TEXT, victim.template.name());
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/landing-pages"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/landing-pages/templates", "/api/v1/landing-pages/pages");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/pages"));
    }
}
