package dev.canopy.imports;

import dev.canopy.imports.internal.Formats;
import dev.canopy.imports.internal.ImportFile;
import dev.canopy.imports.internal.ImportRunTable;
import dev.canopy.imports.internal.Importer;
import dev.canopy.imports.internal.Launcher;
import dev.canopy.platform.CsvCells;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.Texts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports from another PRM: the vendor uploads the source's exports (partners, links, customers, commissions; any
 * of them), rehearses the import with a dry run, and runs it for real, in the background with a progress bar. Each
 * record's outcome — created, updated, unchanged or refused with the reason — is kept for the report.
 */
@Service
public class Imports {

    /** The most rows of one file; a bigger export is split. */
    public static final int MAX_ROWS = 250_000;

    /** One uploaded file. */
    public record Upload(String fileName, byte[] content) {}

    private final ImportRunTable runs;
    private final Importer importer;
    private final Launcher launcher;
    private final CurrentWorkspace currentWorkspace;

    Imports(ImportRunTable runs, Importer importer, Launcher launcher, CurrentWorkspace currentWorkspace) {
        this.runs = runs;
        this.importer = importer;
        this.launcher = launcher;
        this.currentWorkspace = currentWorkspace;
    }

    /** Checks every file has the source's shape for its kind, and starts the run in the background. */
    @Transactional
    public ImportRun start(ImportSource source, UUID program, Map<RecordKind, Upload> uploads, boolean dryRun) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (source == null) {
            problems.add(new InvalidInputException.FieldProblem("source", "Choose the system you are moving from"));
        }
        launcher.checkProgram(program, problems);
        Map<RecordKind, String> names = new EnumMap<>(RecordKind.class);
        Map<RecordKind, String> contents = new EnumMap<>(RecordKind.class);
        Map<RecordKind, Integer> rows = new EnumMap<>(RecordKind.class);
        for (Map.Entry<RecordKind, Upload> upload : uploads.entrySet()) {
            Upload file = upload.getValue();
            if (file == null || file.content() == null || file.content().length == 0) {
                continue;
            }
            String field = upload.getKey().name().toLowerCase(java.util.Locale.ROOT);
            try {
                String text = Texts.utf8(file.content(), field);
                ImportFile parsed = ImportFile.parse(text);
                Formats.Format format = source == null ? null : Formats.of(source, upload.getKey());
                if (source != null && format == null) {
                    throw new InvalidInputException(
                            field,
                            source.label() + " has no "
                                    + upload.getKey().label().toLowerCase(java.util.Locale.ROOT) + " export");
                }
                if (format != null) {
                    List<String> missing = parsed.missing(format);
                    if (!missing.isEmpty()) {
                        throw new InvalidInputException(
                                field,
                                "This is not a " + source.label() + " "
                                        + upload.getKey().label().toLowerCase(java.util.Locale.ROOT)
                                        + " export: it has no column " + String.join(", ", missing));
                    }
                }
                if (parsed.size() == 0 || parsed.size() > MAX_ROWS) {
                    throw new InvalidInputException(
                            field, "Give a file of 1 to " + String.format("%,d", MAX_ROWS) + " rows");
                }
                names.put(upload.getKey(), Launcher.fileName(file.fileName(), upload.getKey()));
                contents.put(upload.getKey(), text);
                rows.put(upload.getKey(), parsed.size());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem(field, e.getMessage()));
            }
        }
        if (problems.isEmpty() && contents.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("partners", "Choose at least one file to import"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        launcher.oneRealRunAtATime(dryRun);
        UUID id = UUID.randomUUID();
        Instant now = launcher.now();
        runs.insert(
                launcher.workspace(),
                id,
                source,
                program,
                dryRun,
                ImportRun.Status.RUNNING,
                names,
                contents,
                rows,
                launcher.actor(),
                now,
                now.plus(Importer.CLAIM));
        launcher.start(id, dryRun, Map.of("source", source.name(), "rows", rows), () -> importer.run(id));
        return get(id);
    }

    /** Runs for real what a dry run rehearsed, from the same files. */
    @Transactional
    public ImportRun confirm(UUID dryRun) {
        ImportRun rehearsal = get(dryRun);
        if (!rehearsal.dryRun() || rehearsal.status() != ImportRun.Status.DONE) {
            throw new ConflictException("id", "Only a finished dry run can be run for real");
        }
        Map<RecordKind, Upload> uploads = new EnumMap<>(RecordKind.class);
        runs.files(dryRun)
                .forEach((kind, file) -> uploads.put(
                        kind, new Upload(file[0], file[1].getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return start(rehearsal.source(), rehearsal.programId(), uploads, false);
    }

    public ImportRun get(UUID id) {
        return runs.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Import"));
    }

    public List<ImportRun> recent() {
        return runs.recent(currentWorkspace.id(), 50);
    }

    /** One record's outcome, as the run page and the report show it. */
    public record Outcome(RecordKind kind, long line, String sourceId, Imported.Outcome outcome, String reason) {}

    /** The refused, updated and noted records of a run, in file order, at most {@code limit}. */
    public List<Outcome> notable(UUID id, int limit) {
        get(id);
        return runs.outcomes(currentWorkspace.id(), id, true, limit).stream()
                .map(o -> new Outcome(o.kind(), o.line(), o.externalId(), o.outcome(), o.reason()))
                .toList();
    }

    /** Every record's outcome as CSV: file, line, the source's id, outcome, reason. */
    @Transactional(readOnly = true)
    public String report(UUID id) {
        get(id);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("file", "line", "source_id", "outcome", "reason");
            runs.eachOutcome(currentWorkspace.id(), id, o -> {
                try {
                    printer.printRecord(
                            o.kind().name().toLowerCase(java.util.Locale.ROOT),
                            o.line(),
                            CsvCells.text(o.externalId()),
                            o.outcome().name().toLowerCase(java.util.Locale.ROOT),
                            CsvCells.text(o.reason()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
