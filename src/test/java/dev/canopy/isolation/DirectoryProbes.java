package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.deals.DealFixtures;
import dev.canopy.directory.Directory;
import dev.canopy.directory.DirectoryEntry;
import dev.canopy.directory.ListingProfile;
import dev.canopy.partners.PartnerId;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The partner directory: B's listed partner is never read, corrected or hidden by A's staff or key, never shown on
 * A's public directory, its JSON or its console, and is not found (nor contacted) at A's public address.
 */
class DirectoryProbes implements ModuleProbes {

    private static final String SECRET = "Victim directory listing";

    private final ApplicationContext context;
    private PartnerId partner;
    private String partnerSlug;
    private String attackerSlug;

    DirectoryProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        Directory directory = context.getBean(Directory.class);
        Fixtures fixtures = context.getBean(Fixtures.class);
        DealFixtures f = new DealFixtures(context);
        DealFixtures.Member member = f.member(victim, f.program(victim));
        partner = member.id();
        fixtures.as(victim.owner(), () -> {
            directory.enable(true);
            return null;
        });
        DirectoryEntry listed = f.asPartner(
                member,
                () -> directory.saveMine(
                        true, new ListingProfile(SECRET, null, null, List.of("Victim service"), List.of(), List.of())));
        partnerSlug = listed.slug();
        attackerSlug = a.tenant().slug();
        fixtures.as(a.tenant().owner(), () -> {
            directory.enable(true);
            return null;
        });
    }

    @Override
    public List<Probe> probes() {
        String id = partner.value().toString();
        return List.of(
                new Probe("/api/v1/directory/entries/{id}", get("/api/v1/directory/entries/" + id)),
                new Probe(
                        "/api/v1/directory/entries/{id}",
                        put("/api/v1/directory/entries/" + id)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"description\":\"Taken over\",\"hidden\":true}")),
                new Probe("/app/directory/{partnerId}/hide", post("/app/directory/" + id + "/hide")),
                new Probe("/app/directory/{partnerId}/show", post("/app/directory/" + id + "/show")),
                // B's partner at A's public address: its slug names nobody there.
                new Probe(
                        "/directory/{workspaceSlug}/{partnerSlug}",
                        get("/directory/" + attackerSlug + "/" + partnerSlug)),
                new Probe(
                        "/directory/{workspaceSlug}/{partnerSlug}/contact",
                        post("/directory/" + attackerSlug + "/" + partnerSlug + "/contact")
                                .param("token", UUID.randomUUID().toString())
                                .param("name", "Ann")
                                .param("email", "ann@initech.example")
                                .param("message", "Hello")));
    }

    @Override
    public List<String> secrets() {
        return List.of(SECRET, "Victim service");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(
                get("/app/directory"),
                get("/directory/" + attackerSlug),
                get("/directory/" + attackerSlug + "/partners.json"),
                get("/directory/" + attackerSlug + "/partners.json").param("service", "Victim service"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/directory/entries");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/directory"));
    }
}
