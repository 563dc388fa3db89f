package dev.canopy.partners.web;

import dev.canopy.partners.ImportView;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerImports;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.internal.PartnerCsv;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV in and out: upload with a live progress bar and a report of refused rows; export of a filtered list. */
@Controller
class PartnerImportController {

    private final PartnerImports imports;
    private final PartnerDirectory directory;

    PartnerImportController(PartnerImports imports, PartnerDirectory directory) {
        this.imports = imports;
        this.directory = directory;
    }

    @GetMapping("/app/partners/import")
    @PreAuthorize("hasAuthority('partners:write')")
    String page(Model model) {
        model.addAttribute("recent", imports.recent());
        model.addAttribute("columns", PartnerCsv.COLUMNS);
        return "partners/import";
    }

    @PostMapping("/app/partners/import")
    @PreAuthorize("hasAuthority('partners:write')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        try {
            ImportView started = imports.start(
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            return "redirect:/app/partners/import/" + started.id();
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", e.problems().getFirst().message());
            return page(model);
        }
    }

    @GetMapping("/app/partners/import/{id}")
    @PreAuthorize("hasAuthority('partners:write')")
    String progress(
            @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("job", imports.get(id));
        return htmx != null ? "partners/import-progress :: progress" : "partners/import-progress";
    }

    @GetMapping("/app/partners/import/{id}/rejected.csv")
    @PreAuthorize("hasAuthority('partners:write')")
    ResponseEntity<String> rejected(@PathVariable UUID id) {
        return csv("rejected-rows-" + id + ".csv", imports.rejectedRows(id));
    }

    @GetMapping("/app/partners/export.csv")
    @PreAuthorize("hasAuthority('partners:read')")
    ResponseEntity<String> export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean dormant,
            @RequestParam(required = false) String tier) {
        PartnerSearch search = new PartnerSearch(
                q,
                PartnersController.parse(PartnerType.class, type),
                PartnersController.parse(PartnerStatus.class, status),
                region,
                dormant,
                null,
                PartnerSearch.MAX_LIMIT);
        return csv("partners.csv", imports.export(directory.atTier(search, tier)));
    }

    static ResponseEntity<String> csv(String fileName, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }
}
