package dev.canopy.landingpages.web;

import dev.canopy.landingpages.LandingPageTemplates;
import dev.canopy.landingpages.LandingPages;
import dev.canopy.landingpages.PageView;
import dev.canopy.landingpages.Section;
import dev.canopy.landingpages.TemplateInput;
import dev.canopy.landingpages.TemplateView;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Landing page templates and partners' pages through the API: staff write and publish templates, read pages. */
@RestController
@RequestMapping("/api/v1/landing-pages")
@Tag(
        name = "Landing pages",
        description = "Co-branded landing pages. The vendor's templates have a headline, ordered sections (a heading"
                + " and a body in Markdown or limited HTML) and a call to action, with the merge fields"
                + " {{partner.name}}, {{partner.logo}}, {{partner.text}} and {{partner.contact}}; partners choose a"
                + " published one in the portal and turn their page on. A page's id is its partner's id. Everything"
                + " written is sanitized when the page is shown.")
class LandingPagesApi {

    record LandingPageSection(
            @Schema(description = "Text; up to 200 characters") @Nullable
            String heading,

            @Schema(description = "Markdown or limited HTML; up to 10,000 characters") @Nullable
            String body) {}

    record LandingPageTemplateBody(
            @Schema(description = "Up to 120 characters") String name,

            @Schema(description = "Text with merge fields; up to 200 characters")
            String headline,

            @Schema(description = "In order; up to 12") @Nullable
            List<LandingPageSection> sections,

            @Schema(description = "The form's button; up to 60 characters")
            String ctaLabel,

            @Schema(description = "True publishes it, false withdraws it; left out keeps it as it is") @Nullable
            Boolean published) {

        TemplateInput input() {
            return new TemplateInput(
                    name,
                    headline,
                    sections == null
                            ? null
                            : sections.stream()
                                    .map(s -> s == null ? null : new Section(s.heading(), s.body()))
                                    .toList(),
                    ctaLabel);
        }
    }

    record LandingPageTemplateResponse(
            String id,
            String name,
            String headline,
            List<LandingPageSection> sections,
            String ctaLabel,
            boolean published,

            @Schema(description = "Partners' pages on this template")
            long pages,

            Instant updatedAt) {

        static LandingPageTemplateResponse of(TemplateView t) {
            return new LandingPageTemplateResponse(
                    t.id().toString(),
                    t.name(),
                    t.headline(),
                    t.sections().stream()
                            .map(x -> new LandingPageSection(x.heading(), x.body()))
                            .toList(),
                    t.ctaLabel(),
                    t.published(),
                    t.pages(),
                    t.updatedAt());
        }
    }

    record LandingPageTemplateList(
            List<LandingPageTemplateResponse> data,
            @Nullable String nextCursor) {}

    record LandingPageResponse(
            @Schema(description = "The partner's id") String id,
            String partnerName,
            @Nullable String templateId,
            @Nullable String templateName,
            String slug,
            boolean enabled,

            @Schema(description = "Enabled on a published template: the public sees it")
            boolean live,

            @Nullable String text,
            @Nullable String contactEmail,
            @Nullable String contactPhone,
            boolean hasLogo,
            long leads,
            @Nullable Instant updatedAt) {

        static LandingPageResponse of(PageView p) {
            return new LandingPageResponse(
                    p.partnerId().value().toString(),
                    p.partnerName(),
                    p.templateId() == null ? null : p.templateId().toString(),
                    p.templateName(),
                    p.slug(),
                    p.enabled(),
                    p.live(),
                    p.text(),
                    p.contactEmail(),
                    p.contactPhone(),
                    p.hasLogo(),
                    p.leads(),
                    p.updatedAt());
        }
    }

    record LandingPageList(
            List<LandingPageResponse> data, @Nullable String nextCursor) {}

    private final LandingPageTemplates templates;
    private final LandingPages pages;

    LandingPagesApi(LandingPageTemplates templates, LandingPages pages) {
        this.templates = templates;
        this.pages = pages;
    }

    @GetMapping("/templates")
    @PreAuthorize("hasAuthority('pages:read')")
    @Operation(summary = "List landing page templates", description = "By name.")
    LandingPageTemplateList listLandingPageTemplates(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<LandingPageTemplateResponse> page = Pages.of(
                templates.list().stream().map(LandingPageTemplateResponse::of).toList(),
                LandingPageTemplateResponse::id,
                cursor,
                limit);
        return new LandingPageTemplateList(page.items(), page.nextCursor());
    }

    @PostMapping("/templates")
    @PreAuthorize("hasAuthority('pages:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a landing page template", description = "Published at once when published is true.")
    ResponseEntity<LandingPageTemplateResponse> createLandingPageTemplate(@RequestBody LandingPageTemplateBody body) {
        TemplateView created = templates.create(body.input());
        if (Boolean.TRUE.equals(body.published())) {
            created = templates.publish(created.id(), true);
        }
        return ResponseEntity.created(URI.create("/api/v1/landing-pages/templates/" + created.id()))
                .body(LandingPageTemplateResponse.of(created));
    }

    @GetMapping("/templates/{id}")
    @PreAuthorize("hasAuthority('pages:read')")
    @Operation(summary = "Get a landing page template")
    LandingPageTemplateResponse getLandingPageTemplate(@PathVariable UUID id) {
        return LandingPageTemplateResponse.of(templates.get(id));
    }

    @PutMapping("/templates/{id}")
    @PreAuthorize("hasAuthority('pages:write')")
    @Operation(
            summary = "Update a landing page template",
            description = "Replaces its words (all of them) and, when published is given, publishes or withdraws it.")
    LandingPageTemplateResponse updateLandingPageTemplate(
            @PathVariable UUID id, @RequestBody LandingPageTemplateBody body) {
        TemplateView updated = templates.update(id, body.input());
        if (body.published() != null) {
            updated = templates.publish(id, body.published());
        }
        return LandingPageTemplateResponse.of(updated);
    }

    @GetMapping("/pages")
    @PreAuthorize("hasAuthority('pages:read')")
    @Operation(summary = "List partners' landing pages", description = "Every page a partner saved, by address.")
    LandingPageList listLandingPages(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<LandingPageResponse> page = Pages.of(
                pages.list().stream().map(LandingPageResponse::of).toList(), LandingPageResponse::id, cursor, limit);
        return new LandingPageList(page.items(), page.nextCursor());
    }

    @GetMapping("/pages/{id}")
    @PreAuthorize("hasAuthority('pages:read')")
    @Operation(
            summary = "Get a partner's landing page",
            description = "By the partner's id; a partner that never saved one has one, not enabled.")
    LandingPageResponse getLandingPage(@PathVariable UUID id) {
        return LandingPageResponse.of(pages.page(new PartnerId(id)));
    }
}
