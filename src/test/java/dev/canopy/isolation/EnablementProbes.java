package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.SampleFiles;
import dev.canopy.enablement.Upload;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Enablement: B's assets (a file for every partner of B, and a page), never read, downloaded, changed, replaced,
 * archived or counted by A's staff, key or partner, and never in A's library or search.
 */
class EnablementProbes implements ModuleProbes {

    private final ApplicationContext context;
    private UUID file;
    private UUID page;
    private String title;

    EnablementProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        title = "Victim battlecard " + Fixtures.unique("c");
        ContentLibrary library = context.getBean(ContentLibrary.class);
        Fixtures fixtures = context.getBean(Fixtures.class);
        file = fixtures.as(
                        victim.owner(),
                        () -> library.create(
                                input("FILE", title, null, null),
                                Upload.of(
                                        "victim-notes.txt",
                                        "Victim's discount ladder".getBytes(StandardCharsets.UTF_8))))
                .id();
        page = fixtures.as(
                        victim.owner(),
                        () -> library.create(input("TEXT", "Victim talk track", null, "Victim's secret pitch")))
                .id();
    }

    private static AssetInput input(String kind, String title, String url, String body) {
        return new AssetInput(
                kind,
                title,
                "",
                "Victim folder",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                url,
                body,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    public List<Probe> probes() {
        String api = "/api/v1/content/" + file;
        String app = "/app/content/" + file;
        String body = "{\"kind\":\"TEXT\",\"title\":\"Hijacked\",\"body\":\"Hijacked\"}";
        return List.of(
                new Probe("/app/content/{id}", get(app)),
                new Probe(
                        "/app/content/{id}",
                        post(app).param("title", "Hijacked").param("kind", "FILE")),
                new Probe("/app/content/{id}/file", post(app + "/file")),
                new Probe("/app/content/{id}/archive", post(app + "/archive")),
                new Probe("/app/content/{id}/restore", post("/app/content/" + page + "/restore")),
                new Probe("/app/content/{id}/download", get(app + "/download")),
                new Probe("/app/content/{id}/usage.csv", get(app + "/usage.csv")),
                new Probe("/portal/content/{id}", get("/portal/content/" + page)),
                new Probe("/portal/content/{id}/download", get("/portal/content/" + file + "/download")),
                new Probe("/portal/content/{id}/share", post("/portal/content/" + page + "/share")),
                new Probe("/api/v1/content/{id}", get(api)),
                new Probe(
                        "/api/v1/content/{id}",
                        put(api).contentType(MediaType.APPLICATION_JSON).content(body)),
                new Probe("/api/v1/content/{id}/archive", post(api + "/archive")),
                new Probe("/api/v1/content/{id}/restore", post(api + "/restore")),
                new Probe("/api/v1/content/{id}/usage", get(api + "/usage")),
                new Probe(
                        "/api/v1/content/{id}/file",
                        multipart(api + "/file")
                                .file(new MockMultipartFile("file", "hijack.pdf", "", SampleFiles.pdf("Hijacked")))));
    }

    @Override
    public List<String> secrets() {
        return List.of(title, "Victim talk track", "Victim folder");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/content"), get("/app/content").param("q", "victim"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/content", "/api/v1/content?q=victim");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/content"), get("/portal/content").param("q", "victim"));
    }
}
