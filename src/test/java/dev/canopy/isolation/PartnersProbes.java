package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.identity.PartnerAccess;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerImports;
import dev.canopy.partners.Partners;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Partners: the directory, a partner's page, contacts, portal users, imports; the portal's company page. */
class PartnersProbes implements ModuleProbes {

    private final Fixtures fixtures;
    private final Partners partners;
    private final PartnerAccess access;
    private final PartnerImports imports;

    private PartnerId partner;
    private String partnerName;
    private String partnerUser;
    private UUID contact;
    private UUID partnerUserId;
    private UUID importId;

    PartnersProbes(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.partners = context.getBean(Partners.class);
        this.access = context.getBean(PartnerAccess.class);
        this.imports = context.getBean(PartnerImports.class);
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        partnerUser = fixtures.partnerUser(b);
        partner = fixtures.partnerOf(partnerUser);
        partnerName = fixtures.as(b.owner(), () -> partners.get(partner).name());
        contact = fixtures.as(
                b.owner(), () -> partners.contacts(partner).getFirst().id());
        partnerUserId = fixtures.as(
                b.owner(), () -> access.users(partner.value()).getFirst().id());
        byte[] csv = "name,website\nB Import Co,https://b-import.example\nbad,\n".getBytes(StandardCharsets.UTF_8);
        importId = fixtures.as(b.owner(), () -> imports.start("b.csv", csv).id());
    }

    @Override
    public List<Probe> probes() {
        String page = "/app/partners/" + partner;
        String api = "/api/v1/partners/" + partner;
        return List.of(
                new Probe("/app/partners/{id}", get(page)),
                new Probe("/app/partners/{id}/edit", get(page + "/edit")),
                new Probe("/app/partners/{id}/edit", post(page + "/edit").param("name", "Hijacked")),
                new Probe("/app/partners/{id}/status", post(page + "/status").param("status", "ARCHIVED")),
                new Probe(
                        "/app/partners/{id}/contacts",
                        post(page + "/contacts").param("name", "X").param("email", "x@example.com")),
                new Probe(
                        "/app/partners/{id}/contacts/{contactId}/remove",
                        post(page + "/contacts/" + contact + "/remove")),
                new Probe(
                        "/app/partners/{id}/users",
                        post(page + "/users")
                                .param("displayName", "X")
                                .param("email", Fixtures.uniqueEmail("x"))
                                .param("role", "ADMIN")),
                new Probe(
                        "/app/partners/{id}/users/{userId}/remove", post(page + "/users/" + partnerUserId + "/remove")),
                new Probe("/app/partners/import/{id}", get("/app/partners/import/" + importId)),
                new Probe(
                        "/app/partners/import/{id}/rejected.csv",
                        get("/app/partners/import/" + importId + "/rejected.csv")),
                new Probe("/api/v1/partners/{id}", get(api)),
                new Probe(
                        "/api/v1/partners/{id}",
                        patch(api).contentType("application/json").content("{\"name\":\"Hijacked\"}")),
                new Probe(
                        "/api/v1/partners/{id}/status",
                        post(api + "/status").contentType("application/json").content("{\"status\":\"ARCHIVED\"}")),
                new Probe("/api/v1/partners/{id}/contacts", get(api + "/contacts")),
                new Probe(
                        "/api/v1/partners/{id}/contacts",
                        post(api + "/contacts")
                                .contentType("application/json")
                                .content("{\"name\":\"X\",\"email\":\"x@example.com\"}")),
                new Probe(
                        "/portal/company/users/{userId}/remove",
                        post("/portal/company/users/" + partnerUserId + "/remove")));
    }

    @Override
    public List<String> secrets() {
        return List.of(partnerName, partnerUser, "b-import.example");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/partners"), get("/app/partners/import"), get("/app/partners/export.csv"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/partners");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/company"));
    }
}
