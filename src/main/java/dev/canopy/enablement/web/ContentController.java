package dev.canopy.enablement.web;

import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.ContentUsage;
import dev.canopy.enablement.Upload;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enablement → Content: the library searched and filed, a new file, link or text with its audience, and an
 * asset's page (preview, who used it, its file's versions, edit, replace the file, archive).
 */
@Controller
@RequestMapping("/app/content")
class ContentController {

    private final ContentLibrary library;
    private final ContentUsage usage;

    ContentController(ContentLibrary library, ContentUsage usage) {
        this.library = library;
        this.usage = usage;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('content:read')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String folder,
            @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        model.addAttribute("found", library.find(q, folder, archived));
        model.addAttribute("q", q);
        model.addAttribute("folder", folder);
        model.addAttribute("archived", archived);
        return "enablement/library";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('content:write')")
    String form(@RequestParam(defaultValue = "FILE") String kind, Model model) {
        String chosen = kind.toUpperCase(Locale.ROOT);
        model.addAttribute("form", AssetForm.blank(isKind(chosen) ? chosen : "FILE"));
        return form(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('content:write')")
    String create(
            @ModelAttribute("form") AssetForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    AssetView asset = file == null || file.isEmpty()
                            ? library.create(form.input())
                            : library.create(form.input(), upload(file));
                    redirect.addFlashAttribute("flash", "“" + asset.title() + "” is in the library.");
                    return "redirect:/app/content/" + asset.id();
                },
                () -> form(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    String page(@PathVariable UUID id, Model model) {
        AssetView asset = library.open(id);
        model.addAttribute("asset", asset);
        model.addAttribute("html", library.html(asset));
        model.addAttribute("usage", usage.usage(id));
        model.addAttribute("neverOpened", usage.neverOpened(id));
        model.addAttribute("versions", asset.kind() == AssetKind.FILE ? library.versions(id) : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AssetForm.of(asset));
        }
        model.addAttribute("choices", library.audienceChoices());
        model.addAttribute("maxMegabytes", library.maxFileBytes() / (1024 * 1024));
        return "enablement/asset";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('content:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") AssetForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    library.update(id, form.input());
                    redirect.addFlashAttribute("flash", "Saved.");
                    return "redirect:/app/content/" + id;
                },
                () -> page(id, model));
    }

    @PostMapping("/{id}/file")
    @PreAuthorize("hasAuthority('content:write')")
    String replace(
            @PathVariable UUID id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/content/" + id, () -> {
            AssetView asset = library.replaceFile(id, file == null || file.isEmpty() ? null : upload(file));
            return "Version " + asset.file().version() + " is the one partners get now.";
        });
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('content:write')")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/content/" + id, () -> {
            library.archive(id);
            return "Archived: partners no longer see it.";
        });
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAuthority('content:write')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/content/" + id, () -> {
            library.restore(id);
            return "Restored: partners in its audience see it again.";
        });
    }

    @GetMapping("/{id}/usage.csv")
    @PreAuthorize("hasAuthority('content:read')")
    ResponseEntity<String> usageCsv(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("content-usage-" + id + ".csv")
                                .build()
                                .toString())
                .body(usage.usageCsv(id));
    }

    @GetMapping("/{id}/download")
    @PreAuthorize("hasAuthority('content:read')")
    ResponseEntity<Resource> download(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        return Downloads.of(library.download(id, version));
    }

    private String form(Model model) {
        model.addAttribute("choices", library.audienceChoices());
        model.addAttribute("maxMegabytes", library.maxFileBytes() / (1024 * 1024));
        return "enablement/new";
    }

    private static boolean isKind(String kind) {
        for (AssetKind k : AssetKind.values()) {
            if (k.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    static Upload upload(MultipartFile file) {
        return new Upload() {
            @Override
            public String fileName() {
                return file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }
}
