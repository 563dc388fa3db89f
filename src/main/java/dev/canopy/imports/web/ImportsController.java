package dev.canopy.imports.web;

import dev.canopy.imports.ApiImports;
import dev.canopy.imports.ImportRun;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.Imports;
import dev.canopy.imports.OwnCsvImports;
import dev.canopy.imports.RecordKind;
import dev.canopy.programs.Programs;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Settings → Imports: choose the system you come from and the programme, upload its exports, rehearse (dry run),
 * watch the progress bar, read what would be or was created, updated and refused, and download the report.
 */
@Controller
@RequestMapping("/app/imports")
@PreAuthorize("hasAuthority('imports:run')")
class ImportsController {

    private final Imports imports;
    private final ApiImports apiImports;
    private final OwnCsvImports ownCsv;
    private final Programs programs;

    ImportsController(Imports imports, ApiImports apiImports, OwnCsvImports ownCsv, Programs programs) {
        this.imports = imports;
        this.apiImports = apiImports;
        this.ownCsv = ownCsv;
        this.programs = programs;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("runs", imports.recent());
        model.addAttribute("sources", ImportSource.prms());
        model.addAttribute("kinds", RecordKind.ofPrms());
        model.addAttribute("programs", programs.list());
        model.addAttribute("programNames", programNames());

        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "imports/list";
    }

    @PostMapping
    String start(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) UUID program,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam Map<String, MultipartFile> files,
            Model model)
            throws IOException {
        Map<RecordKind, Imports.Upload> uploads = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.ofPrms()) {
            MultipartFile file = files.get(kind.name().toLowerCase(Locale.ROOT));
            if (file != null && !file.isEmpty()) {
                uploads.put(kind, new Imports.Upload(file.getOriginalFilename(), file.getBytes()));
            }
        }
        try {
            ImportRun run = imports.start(parse(source), program, uploads, dryRun);
            return "redirect:/app/imports/" + run.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("errors", errors);
            model.addAttribute("chosenSource", source);
            model.addAttribute("chosenProgram", program);
            return page(model);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("source", e.getMessage()));
            return page(model);
        }
    }

    @PostMapping("/api")
    String startFromApi(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) UUID program,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String secret,
            @RequestParam(required = false) String account,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        try {
            ImportRun run = apiImports.startFromApi(parse(source), program, key, secret, account, dryRun);
            return "redirect:/app/imports/" + run.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent("api-" + p.field(), p.message()));
            model.addAttribute("errors", errors);
            model.addAttribute("chosenApiSource", source);
            model.addAttribute("chosenProgram", program);
            return page(model);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("api-source", e.getMessage()));
            return page(model);
        }
    }

    @PostMapping("/csv")
    String uploadOwnCsv(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) UUID program,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        try {
            ImportRun run = ownCsv.upload(
                    "DEALS".equals(kind) ? RecordKind.DEALS : "CUSTOMERS".equals(kind) ? RecordKind.CUSTOMERS : null,
                    program,
                    file == null || file.isEmpty()
                            ? null
                            : new Imports.Upload(file.getOriginalFilename(), file.getBytes()),
                    dryRun);
            return "redirect:/app/imports/" + run.id() + "/columns";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent("csv-" + p.field(), p.message()));
            model.addAttribute("errors", errors);
            model.addAttribute("chosenProgram", program);
            return page(model);
        }
    }

    @GetMapping("/{id}/columns")
    String columns(@PathVariable UUID id, Model model) {
        OwnCsvImports.Columns columns = ownCsv.columns(id);
        model.addAttribute("columns", columns);
        model.addAttribute("chosen", columns.guesses());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "imports/columns";
    }

    @PostMapping("/{id}/columns")
    String match(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> matched = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("column-")) {
                matched.put(name.substring("column-".length()), value);
            }
        });
        try {
            return "redirect:/app/imports/" + ownCsv.match(id, matched).id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("columns", ownCsv.columns(id));
            model.addAttribute("chosen", matched);
            model.addAttribute("errors", errors);
            return "imports/columns";
        }
    }

    @GetMapping("/{id}")
    String run(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ImportRun run = imports.get(id);
        if (run.status() == ImportRun.Status.MAPPING) {
            return "redirect:/app/imports/" + id + "/columns";
        }
        model.addAttribute("run", run);
        model.addAttribute("programName", programNames().getOrDefault(run.programId(), "a programme"));
        model.addAttribute("notable", run.running() ? java.util.List.of() : imports.notable(id, 200));
        return htmx != null ? "imports/run :: progress" : "imports/run";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable UUID id) {
        return "redirect:/app/imports/" + imports.confirm(id).id();
    }

    @GetMapping("/{id}/report.csv")
    ResponseEntity<String> report(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("import-report-" + id + ".csv")
                                .build()
                                .toString())
                .body(imports.report(id));
    }

    private Map<UUID, String> programNames() {
        Map<UUID, String> names = new HashMap<>();
        programs.list().forEach(p -> names.put(p.id().value(), p.name()));
        return names;
    }

    private static ImportSource parse(String source) {
        try {
            return source == null ? null : ImportSource.valueOf(source);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
