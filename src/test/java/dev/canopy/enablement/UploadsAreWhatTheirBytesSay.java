package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What an upload is comes from its bytes: a web page, a program named like a PDF, text named like a PDF are
 * refused with the reason beside the form, and nothing of them is kept, not a row, not a file. An SVG (which can
 * carry script) is kept but only ever saved, sandboxed, never shown; a PNG is shown in place. Text fields of the
 * multipart form are checked as any other form's: a NUL in a title is refused.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsAreWhatTheirBytesSay {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Value("${canopy.content.directory}")
    Path contentDirectory;

    Fixtures.Tenant tenant;
    DealFixtures f;
    DealFixtures.Member member;

    @BeforeAll
    void aWorkspaceWithAPartner() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        member = f.member(tenant, f.program(tenant));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "brochure.html",
                        "<!DOCTYPE html><html><body><script>steal()</script></body></html>",
                        "Web pages are not taken"),
                Arguments.of("invoice.pdf", "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program", "is not taken"),
                Arguments.of("deck.pdf", "Just some words, not a PDF at all.", "but the file is text/plain"),
                Arguments.of("empty.pdf", "", "Choose the file"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aFileThatIsNotWhatItSaysIsRefusedAndNothingIsKept(String name, String content, String reason)
            throws Exception {
        long filesBefore = storedFiles();
        String title = "Refused " + UUID.randomUUID();
        String page = mvc.perform(multipart("/app/content")
                        .file(new MockMultipartFile(
                                "file", name, "application/pdf", content.getBytes(StandardCharsets.ISO_8859_1)))
                        .param("kind", "FILE")
                        .param("title", title)
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("[data-testid=form-errors]").text()).contains(reason);
        assertThat(fixtures.count("enablement_asset", tenant.id())).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aNulInTheTitleIsRefusedByName() throws Exception {
        String page = mvc.perform(multipart("/app/content")
                        .param("kind", "LINK")
                        .param("title", "Deck\u0000")
                        .param("url", "https://example.com/deck")
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page)
                        .select("#title + .invalid-feedback, #title ~ .invalid-feedback")
                        .text())
                .contains("control character");
        assertThat(fixtures.count("enablement_asset", tenant.id())).isZero();
    }

    @Test
    void anSvgIsOnlyEverSavedAndSandboxedWhileAPngShowsInPlace() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>";
        UUID logo = upload("logo.svg", svg.getBytes(StandardCharsets.UTF_8));
        MvcResult saved = mvc.perform(
                        get("/portal/content/" + logo + "/download").with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(saved.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(saved.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");

        UUID photo = upload("photo.png", SampleFiles.png());
        MvcResult shown = mvc.perform(
                        get("/portal/content/" + photo + "/download").with(f.portal(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn();
        assertThat(shown.getResponse().getHeader("Content-Disposition")).startsWith("inline");
    }

    private UUID upload(String name, byte[] bytes) throws Exception {
        String location = mvc.perform(multipart("/app/content")
                        .file(new MockMultipartFile("file", name, "text/html", bytes))
                        .param("kind", "FILE")
                        .param("title", name)
                        .with(Fixtures.signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private long storedFiles() throws IOException {
        Path folder = contentDirectory.resolve(tenant.id().value().toString());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
