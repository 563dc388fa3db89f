package dev.canopy.directory.web;

import dev.canopy.directory.DirectoryEntry;
import dev.canopy.directory.DirectoryPage;
import dev.canopy.directory.DirectoryQuery;
import dev.canopy.directory.PublicDirectory;
import dev.canopy.directory.internal.EmbedScript;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.BaseUrl;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The directory for other websites: its JSON (the same filters and order as the page; public data, so any origin
 * may read it, without cookies) and the script that shows it in a {@code <div data-canopy-directory>} on the
 * vendor's own site.
 */
@RestController
class DirectoryFeed {

    private static final CacheControl BRIEFLY =
            CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    /** One listed partner as the JSON gives it: what the public page shows, nothing staff-only. */
    record Partner(
            String slug,
            String name,
            @Nullable String description,
            @Nullable String website,
            @Nullable String contactEmail,
            List<String> types,
            List<String> typeLabels,
            @Nullable String tier,
            long certifiedPeople,
            List<String> certifications,
            List<String> services,
            List<String> industries,
            List<String> regions,
            String profileUrl) {}

    record Feed(String workspace, String directoryUrl, List<Partner> partners) {}

    private final PublicDirectory directory;
    private final EmbedScript script;
    private final BaseUrl baseUrl;

    DirectoryFeed(PublicDirectory directory, EmbedScript script, BaseUrl baseUrl) {
        this.directory = directory;
        this.script = script;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/directory/{workspaceSlug}/partners.json")
    ResponseEntity<Feed> partners(@PathVariable String workspaceSlug, @ModelAttribute DirectoryQuery query) {
        DirectoryPage page = directory.page(workspaceSlug, query);
        String home = baseUrl.link("/directory/" + UriUtils.encodePathSegment(page.workspaceSlug(), "UTF-8"));
        return ResponseEntity.ok()
                .cacheControl(BRIEFLY)
                .header("Access-Control-Allow-Origin", "*")
                .body(new Feed(
                        page.workspaceName(),
                        home,
                        page.entries().stream().map(e -> partner(e, home)).toList()));
    }

    @GetMapping(path = "/directory/{workspaceSlug}/embed.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> embed(@PathVariable String workspaceSlug) {
        if (!directory.open(workspaceSlug)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("/* no partner directory here */");
        }
        return ResponseEntity.ok()
                .cacheControl(BRIEFLY)
                .body(script.render(baseUrl.link(
                        "/directory/" + UriUtils.encodePathSegment(workspaceSlug, "UTF-8") + "/partners.json")));
    }

    private static Partner partner(DirectoryEntry e, String home) {
        return new Partner(
                e.slug(),
                e.name(),
                e.description(),
                e.website(),
                e.contactEmail(),
                e.types().stream().map(Enum::name).toList(),
                e.types().stream().map(PartnerType::label).toList(),
                e.tier(),
                e.certifiedPeople(),
                e.certifications(),
                e.services(),
                e.industries(),
                e.regions(),
                home + "/" + UriUtils.encodePathSegment(e.slug(), "UTF-8"));
    }
}
